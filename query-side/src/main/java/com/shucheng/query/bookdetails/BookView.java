package com.shucheng.query.bookdetails;

import java.util.List;
import java.util.UUID;

/** {@code GET /api/books/{bookId}}; money as a decimal string in CNY. */
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
