package com.shucheng.catalogimport.importing;

import java.util.List;

/**
 * What became of one catalog line. A rejected line carries the server's problem {@code code} (or
 * a local one such as {@code MALFORMED_JSON}), a reason a person can act on, the field errors, and
 * the original text so the operator can fix and resend it. {@code answered} tells whether the
 * command side answered at all, which is what the importer watches to notice that it is gone.
 */
record Outcome(long line, Result result, String code, String reason, List<FieldProblem> errors, String text,
        boolean answered) {

    enum Result { ADDED, ALREADY_PRESENT, REJECTED, BLANK }

    /** The command side could not be reached for this line, even after the retries. */
    static final String UNREACHABLE = "UNREACHABLE";
    /** The command side kept failing (5xx, 429) for this line, even after the retries. */
    static final String SERVER_ERROR = "SERVER_ERROR";

    record FieldProblem(String field, String message) {
    }

    static Outcome added(long line) {
        return new Outcome(line, Result.ADDED, null, null, List.of(), null, true);
    }

    static Outcome alreadyPresent(long line) {
        return new Outcome(line, Result.ALREADY_PRESENT, "DUPLICATE_ISBN", null, List.of(), null, true);
    }

    static Outcome blank(long line) {
        return new Outcome(line, Result.BLANK, null, null, List.of(), null, false);
    }

    /** The command side answered with a final 4xx, or kept answering 5xx. */
    static Outcome rejectedByServer(long line, String text, String code, String reason, List<FieldProblem> errors) {
        return new Outcome(line, Result.REJECTED, code, reason, List.copyOf(errors), text, true);
    }

    /** Not sent: the line is not a book, or the command side could not be asked. */
    static Outcome rejectedUnsent(long line, String text, String code, String reason) {
        return new Outcome(line, Result.REJECTED, code, reason, List.of(), text, false);
    }

    static Outcome of(ParsedLine.Invalid invalid) {
        return rejectedUnsent(invalid.number(), invalid.text(), invalid.code(), invalid.reason());
    }

    boolean unreachable() {
        return result == Result.REJECTED && UNREACHABLE.equals(code);
    }
}
