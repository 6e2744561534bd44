package com.shucheng.query.booksearch;

import java.math.BigDecimal;
import java.util.List;

/** One book as stored in the search index; the mapping is {@code booksearch/books-index.json}. */
record BookDocument(
        String bookId,
        String isbn,
        String title,
        List<String> authors,
        String category,
        BigDecimal price,
        int lendableCopies,
        int stock) {
}
