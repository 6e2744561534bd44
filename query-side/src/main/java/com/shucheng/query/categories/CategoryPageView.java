package com.shucheng.query.categories;

import java.util.List;

/** {@code GET /api/categories}: one page of categories and how many categories there are. */
record CategoryPageView(List<CategoryView> items, int page, int size, long total) {
}
