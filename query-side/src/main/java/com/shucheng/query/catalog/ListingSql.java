package com.shucheng.query.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one listing request.
 *
 * <p>A page is found in two steps (a "deferred join"): the inner query picks the page's book ids from
 * a listing index alone (an index-only scan that skips {@code offset} index entries rather than whole
 * rows), and only those ids are joined back to the table for their columns.
 *
 * <p>The total never counts the catalog: without author or price filter it is a sum of
 * {@code query.book_tally} rows; with a price range, whole yuan inside the range come from
 * {@code query.book_price_tally} and only the range's partial first and last yuan are counted in
 * the table; with an author, count(*) runs over that author's books (the GIN index bounds it).
 */
record ListingSql(String page, String total, Map<String, Object> params) {

    private static final String COLUMNS = """
            b.book_id, b.isbn, b.title, b.authors, b.category, b.price, b.lendable_copies, b.available_copies,
            b.stock, b.available_stock, b.status""";
    private static final BigDecimal CENT = new BigDecimal("0.01");

    static ListingSql of(ListingRequest request) {
        Map<String, Object> params = new LinkedHashMap<>();
        // Literal, not parameters: the partial indexes' predicates must be visible to the planner also in
        // a prepared statement's generic plan.
        List<String> filters = new ArrayList<>(List.of("status = 'ACTIVE'"));
        if (request.category() != null) {
            filters.add("category = :category");
            params.put("category", request.category());
        }
        if (request.available() != null) {
            filters.add(request.available() ? "available" : "not available");
        }
        if (request.author() != null) {
            filters.add("authors @> array[cast(:author as text)]");
            params.put("author", request.author());
        }
        // Prices are written into the SQL (they are parsed numbers, nothing else): how wide a range is decides
        // whether walking the sort index or sorting the range's rows is cheaper, and a generic plan of a
        // prepared statement would not know it (a wide range sorted by a generic plan took 190 ms).
        List<String> priced = new ArrayList<>(filters);
        if (request.minPrice() != null) {
            priced.add("price >= " + request.minPrice().toPlainString());
        }
        if (request.maxPrice() != null) {
            priced.add("price <= " + request.maxPrice().toPlainString());
        }
        BookSort sort = request.sort();
        String page = """
                select %s
                from (select %s from query.book
                      where %s
                      order by %s
                      limit :limit offset :offset) p
                join query.book b on b.book_id = p.book_id
                order by %s""".formatted(COLUMNS, String.join(", ", sort.columns()), String.join(" and ", priced),
                sort.orderBy(""), sort.orderBy("p."));
        params.put("limit", request.size());
        params.put("offset", request.offset());
        return new ListingSql(page, total(request, filters, priced, params), params);
    }

    private static String total(ListingRequest request, List<String> filters, List<String> priced,
            Map<String, Object> params) {
        if (request.author() != null) {
            return count(priced);
        }
        List<String> buckets = new ArrayList<>();
        if (request.category() != null) {
            buckets.add("category = :category");
        }
        if (request.available() != null) {
            buckets.add(request.available() ? "available" : "not available");
        }
        if (request.minPrice() == null && request.maxPrice() == null) {
            return "select cast(coalesce(sum(n), 0) as bigint) from query.book_tally" + where(buckets);
        }
        // Whole yuan y (prices y.00 to y.99) inside [minPrice, maxPrice] are lowYuan <= y < highYuan.
        BigDecimal min = request.minPrice() == null ? BigDecimal.ZERO : request.minPrice();
        long lowYuan = min.setScale(0, RoundingMode.CEILING).longValueExact();
        Long highYuan = request.maxPrice() == null ? null
                : request.maxPrice().add(CENT).setScale(0, RoundingMode.FLOOR).longValueExact();
        if (highYuan != null && highYuan <= lowYuan) {
            // Less than two yuan wide: the price index bounds an exact count well enough.
            return count(priced);
        }
        buckets.add("yuan >= :lowYuan");
        params.put("lowYuan", lowYuan);
        List<String> parts = new ArrayList<>();
        if (highYuan != null) {
            buckets.add("yuan < :highYuan");
            params.put("highYuan", highYuan);
        }
        parts.add("(select coalesce(sum(n), 0) from query.book_price_tally" + where(buckets) + ")");
        if (min.compareTo(BigDecimal.valueOf(lowYuan)) < 0) {
            parts.add("(" + count(with(filters, "price >= " + min.toPlainString(), "price < :lowYuan")) + ")");
        }
        if (highYuan != null && BigDecimal.valueOf(highYuan).compareTo(request.maxPrice()) <= 0) {
            parts.add("(" + count(with(filters, "price >= :highYuan", "price <= " + request.maxPrice().toPlainString()))
                    + ")");
        }
        return "select cast(" + String.join(" + ", parts) + " as bigint)";
    }

    private static String count(List<String> filters) {
        return "select count(*) from query.book where " + String.join(" and ", filters);
    }

    private static List<String> with(List<String> filters, String... more) {
        List<String> all = new ArrayList<>(filters);
        all.addAll(List.of(more));
        return all;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
