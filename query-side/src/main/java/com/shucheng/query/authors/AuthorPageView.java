package com.shucheng.query.authors;

import java.util.List;

/** {@code GET /api/authors}: one page of authors and how many authors there are. */
record AuthorPageView(List<AuthorView> items, int page, int size, long total) {
}
