package com.shucheng.query.system;

/** A read of something the read model does not hold; answered 404 with {@code code}. */
public class NotFound extends RuntimeException {

    private final String code;

    public NotFound(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
