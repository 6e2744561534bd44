package com.shucheng.catalogimport.poetry;

import java.math.BigDecimal;
import java.util.List;

/** One line of the generated catalog: the fields of {@code POST /api/books}. */
record CatalogBook(String isbn, String title, List<String> authors, String category, BigDecimal price,
        int lendableCopies, int stock) {
}
