package com.shucheng.query.booksearch;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/search}: one page of matches, the total, facet counts of the whole result, and
 * whether the answer came without Elasticsearch.
 */
record SearchResultView(
        List<Item> items,
        long total,
        int page,
        int size,
        Map<String, List<FacetCount>> facets,
        boolean degraded) {

    record Item(String bookId, String title, List<String> authors, String category, String price, String highlight) {
    }

    record FacetCount(String value, long count) {
    }
}
