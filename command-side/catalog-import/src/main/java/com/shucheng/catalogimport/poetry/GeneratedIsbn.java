package com.shucheng.catalogimport.poetry;

import java.util.Locale;

/**
 * ISBN-13s for books that have none: {@code 978-7} (the Chinese group), a two-digit block per
 * collection, the record's six-digit position in its collection, and the check digit. The position
 * counts every record of the source, kept or skipped, so cleaning one record never moves another
 * book to a different ISBN, and a rebuilt catalog re-imports as "already present".
 */
final class GeneratedIsbn {

    static final String PREFIX = "9787";
    static final int MAX_INDEX = 999_999;

    private GeneratedIsbn() {
    }

    static String of(int block, int index) {
        if (block < 10 || block > 99) {
            throw new IllegalArgumentException("block must have two digits: " + block);
        }
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("index out of range 0.." + MAX_INDEX + ": " + index);
        }
        String body = PREFIX + block + String.format(Locale.ROOT, "%06d", index);
        return body + checkDigit(body);
    }

    static int checkDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }
}
