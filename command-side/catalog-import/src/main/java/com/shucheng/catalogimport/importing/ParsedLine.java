package com.shucheng.catalogimport.importing;

/** One catalog line after the local check: blank, ready to send, or rejected without sending it. */
sealed interface ParsedLine {

    long number();

    record Blank(long number) implements ParsedLine {
    }

    /** {@code text} is sent as it is, so the server sees the exact price digits the file holds. */
    record Sendable(long number, String text, String isbn) implements ParsedLine {
    }

    record Invalid(long number, String text, String code, String reason) implements ParsedLine {
    }
}
