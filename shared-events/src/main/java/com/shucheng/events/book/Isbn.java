package com.shucheng.events.book;

import java.util.Optional;

/**
 * An International Standard Book Number in its canonical ISBN-13 form (13 digits, no hyphens).
 *
 * <p>{@link #parse(String)} accepts ISBN-10 and ISBN-13 with or without hyphens and spaces, checks
 * the checksum and normalises ISBN-10 to ISBN-13 with the 978 prefix, so two spellings of one book
 * always compare equal.
 */
public record Isbn(String value) {

    /** Parses and normalises {@code raw}; empty when it is not a valid ISBN-10 or ISBN-13. */
    public static Optional<Isbn> parse(String raw) {
        if (raw == null || raw.length() > 32) {
            return Optional.empty();
        }
        String compact = raw.replace("-", "").replace(" ", "").toUpperCase();
        if (compact.length() == 13 && compact.chars().allMatch(Isbn::isAsciiDigit)) {
            return isbn13ChecksumHolds(compact) ? Optional.of(new Isbn(compact)) : Optional.empty();
        }
        if (compact.length() == 10 && isbn10ChecksumHolds(compact)) {
            String body = "978" + compact.substring(0, 9);
            return Optional.of(new Isbn(body + isbn13CheckDigit(body)));
        }
        return Optional.empty();
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isbn13ChecksumHolds(String digits) {
        return isbn13CheckDigit(digits.substring(0, 12)) == digits.charAt(12) - '0';
    }

    static int isbn13CheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean isbn10ChecksumHolds(String chars) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = chars.charAt(i);
            int digit;
            if (isAsciiDigit(c)) {
                digit = c - '0';
            } else if (c == 'X' && i == 9) {
                digit = 10;
            } else {
                return false;
            }
            sum += digit * (10 - i);
        }
        return sum % 11 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
