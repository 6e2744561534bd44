package com.shucheng.query.system;

/** A read request whose parameter makes no sense; answered 400 naming the parameter. */
public class BadQuery extends RuntimeException {

    private final String code;
    private final String parameter;

    public BadQuery(String code, String parameter, String message) {
        super(message);
        this.code = code;
        this.parameter = parameter;
    }

    public String code() {
        return code;
    }

    public String parameter() {
        return parameter;
    }
}
