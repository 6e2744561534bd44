package com.shucheng.query.catalog;

import java.util.List;
import java.util.UUID;

/** One book, as {@code GET /api/books/{bookId}} answers and as each item of a listing page; money as a decimal string in CNY. */
record BookView(
        UUID bookId,
        String isbn,
        String title,
        List<String> authors,
        String category,
        String price,
        int lendableCopies,
        int availableCopies,
        int stock,
        int availableStock,
        String status) {
}
