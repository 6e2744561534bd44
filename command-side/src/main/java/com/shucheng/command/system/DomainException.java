package com.shucheng.command.system;

/**
 * A broken business rule. {@code code} is the stable, machine-readable name clients see in the
 * problem+json answer; {@link ApiErrors} is the one place that maps codes to HTTP statuses.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final String field;

    public DomainException(String code, String message) {
        this(code, null, message);
    }

    /** A rule broken by the value of one request field, named in the answer's {@code errors}. */
    public DomainException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
