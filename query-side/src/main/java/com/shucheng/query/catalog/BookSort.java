package com.shucheng.query.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The orders of {@code GET /api/books?sort=}. Each one's columns are exactly the key of a listing index
 * (V2 migration), scanned forwards or backwards, and end in book_id so that equal values page stably.
 */
enum BookSort {
    TITLE("title", false, "title_sort", "title", "book_id"),
    PRICE("price", false, "price", "book_id"),
    PRICE_DESCENDING("-price", true, "price", "book_id"),
    NEWEST("newest", true, "registered_at", "book_id"),
    BEST_SELLING("-sales", true, "sales", "book_id");

    private final String parameter;
    private final boolean descending;
    private final List<String> columns;

    BookSort(String parameter, boolean descending, String... columns) {
        this.parameter = parameter;
        this.descending = descending;
        this.columns = List.of(columns);
    }

    static Optional<BookSort> of(String parameter) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(parameter)).findFirst();
    }

    static String allowed() {
        return Arrays.stream(values()).map(sort -> sort.parameter).collect(Collectors.joining(", "));
    }

    String parameter() {
        return parameter;
    }

    List<String> columns() {
        return columns;
    }

    /** ORDER BY over the columns, each qualified with {@code alias}; all one direction, so one index scan serves it. */
    String orderBy(String alias) {
        return columns.stream()
                .map(column -> alias + column + (descending ? " desc" : ""))
                .collect(Collectors.joining(", "));
    }
}
