package com.shucheng.query.catalog;

import com.shucheng.events.book.Author;
import com.shucheng.events.book.Category;
import com.shucheng.query.system.BadQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The parameters of {@code GET /api/books}, checked. Absent or blank filters are null; prices are
 * rounded onto the cent grid prices live on (a minimum up, a maximum down), so any decimal a client
 * sends compares exactly and stays a small number for PostgreSQL.
 */
record ListingRequest(
        String category,
        String author,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        Boolean available,
        BookSort sort,
        int page,
        int size) {

    static final String INVALID = "INVALID_PARAMETER";
    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 20;
    /** Longer than any category or author name the command side has ever accepted. */
    static final int MAX_NAME_LENGTH = 200;
    /** Far above any price (the command side caps at 1,000,000); a larger maximum means "no maximum". */
    private static final BigDecimal PRICE_CEILING = new BigDecimal("1000000000");

    static ListingRequest parse(String category, String author, String minPrice, String maxPrice, Boolean available,
            String sort, int page, int size) {
        if (page < 1) {
            throw new BadQuery(INVALID, "page", "page starts at 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadQuery(INVALID, "size", "size must be between 1 and " + MAX_SIZE);
        }
        BigDecimal min = price("minPrice", minPrice);
        BigDecimal max = price("maxPrice", maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new BadQuery(INVALID, "minPrice", "minPrice must not be greater than maxPrice");
        }
        BookSort order = blank(sort) ? BookSort.TITLE : BookSort.of(sort.strip())
                .orElseThrow(() -> new BadQuery(INVALID, "sort", "sort must be one of " + BookSort.allowed()));
        return new ListingRequest(
                name("category", category, Category.parse(category).map(Category::name).orElse(null)),
                name("author", author, Author.parse(author).map(Author::name).orElse(null)),
                min == null ? null : min.setScale(2, RoundingMode.CEILING),
                max == null ? null : max.setScale(2, RoundingMode.FLOOR),
                available, order, page, size);
    }

    long offset() {
        return (long) (page - 1) * size;
    }

    /**
     * Listings match names exactly as the events store them, which the command side normalises the way
     * {@link Category} and {@link Author} do; a name those types reject (older data) is matched as sent.
     */
    private static String name(String parameter, String raw, String normalised) {
        if (blank(raw)) {
            return null;
        }
        if (raw.length() > MAX_NAME_LENGTH) {
            throw new BadQuery(INVALID, parameter, parameter + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        // No stored name holds one, and PostgreSQL refuses a NUL in text outright.
        if (raw.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadQuery(INVALID, parameter, parameter + " must not contain control characters");
        }
        return normalised != null ? normalised : raw.strip();
    }

    private static BigDecimal price(String parameter, String raw) {
        if (blank(raw)) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadQuery(INVALID, parameter, parameter + " must be a decimal number such as 19.90");
        }
        if (value.signum() < 0) {
            throw new BadQuery(INVALID, parameter, parameter + " must not be negative");
        }
        if (value.compareTo(PRICE_CEILING) > 0) {
            return PRICE_CEILING;
        }
        return value;
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }
}
