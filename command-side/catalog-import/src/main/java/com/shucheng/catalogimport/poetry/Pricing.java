package com.shucheng.catalogimport.poetry;

import java.math.BigDecimal;

/**
 * Price, lendable copies and stock derived from the ISBN alone, so every build of the catalog
 * gives a book the same numbers. Prices fall between 12.00 and 68.90 CNY and end in .00, .50, .80
 * or .90, as shelf prices of Chinese poetry editions do; a few books have no stock or no lendable
 * copy, so availability filters have something to filter.
 */
final class Pricing {

    private static final int[] CENTS = {0, 50, 80, 90};

    record Terms(BigDecimal price, int lendableCopies, int stock) {
    }

    private Pricing() {
    }

    static Terms of(String isbn) {
        long h = mix(Long.parseLong(isbn));
        int yuan = 12 + (int) Math.floorMod(h, 57L);
        int cents = CENTS[(int) Math.floorMod(h >>> 8, 4L)];
        int lendable = (int) Math.floorMod(h >>> 16, 6L);
        int stock = (int) Math.floorMod(h >>> 24, 100L);
        return new Terms(BigDecimal.valueOf(yuan * 100L + cents, 2), lendable, stock);
    }

    /** SplitMix64's finaliser: neighbouring ISBNs get unrelated numbers. */
    static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
