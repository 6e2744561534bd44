package com.shucheng.query.catalog;

import java.util.List;

/** {@code GET /api/books}: one page of the listing and the number of books the filters match. */
record BookPageView(List<BookView> items, int page, int size, long total) {
}
