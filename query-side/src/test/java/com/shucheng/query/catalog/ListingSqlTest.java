package com.shucheng.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListingSqlTest {

    @Test
    void a_page_picks_ids_from_the_index_first_and_joins_the_rows_after() {
        ListingSql sql = ListingSql.of(request(null, null, null, null, null, "title", 3));

        assertThat(sql.page()).containsIgnoringWhitespaces("""
                from (select title_sort, title, book_id from query.book
                      where status = 'ACTIVE'
                      order by title_sort, title, book_id
                      limit :limit offset :offset) p
                join query.book b on b.book_id = p.book_id
                order by p.title_sort, p.title, p.book_id""");
        assertThat(sql.params()).containsEntry("limit", 20).containsEntry("offset", 40L);
    }

    @Test
    void descending_sorts_run_every_column_backwards_so_one_index_scan_serves_them() {
        assertThat(ListingSql.of(request(null, null, null, null, null, "-price", 1)).page())
                .contains("order by price desc, book_id desc");
        assertThat(ListingSql.of(request(null, null, null, null, null, "newest", 1)).page())
                .contains("order by registered_at desc, book_id desc");
        assertThat(ListingSql.of(request(null, null, null, null, null, "-sales", 1)).page())
                .contains("order by sales desc, book_id desc");
    }

    @Test
    void without_author_or_price_the_total_is_a_sum_of_tallies() {
        assertThat(ListingSql.of(request(null, null, null, null, null, null, 1)).total())
                .isEqualTo("select cast(coalesce(sum(n), 0) as bigint) from query.book_tally");
        assertThat(ListingSql.of(request("小说", null, null, null, false, null, 1)).total())
                .isEqualTo("select cast(coalesce(sum(n), 0) as bigint) from query.book_tally"
                        + " where category = :category and not available");
    }

    @Test
    void with_an_author_the_total_counts_that_authors_books() {
        ListingSql sql = ListingSql.of(request(null, "鲁迅", "10", null, null, null, 1));

        assertThat(sql.total()).isEqualTo("select count(*) from query.book where status = 'ACTIVE'"
                + " and authors @> array[cast(:author as text)] and price >= 10.00");
    }

    @Test
    void with_a_price_range_whole_yuan_come_from_the_price_tally_and_only_the_edges_are_counted() {
        ListingSql sql = ListingSql.of(request(null, null, "19.50", "80.50", null, null, 1));

        assertThat(sql.total()).isEqualTo("select cast("
                + "(select coalesce(sum(n), 0) from query.book_price_tally where yuan >= :lowYuan and yuan < :highYuan)"
                + " + (select count(*) from query.book where status = 'ACTIVE' and price >= 19.50 and price < :lowYuan)"
                + " + (select count(*) from query.book where status = 'ACTIVE' and price >= :highYuan and price <= 80.50)"
                + " as bigint)");
        assertThat(sql.params()).containsEntry("lowYuan", 20L).containsEntry("highYuan", 80L);
    }

    @Test
    void a_range_on_whole_yuan_needs_no_lower_edge_and_a_top_of_x_99_no_upper_edge() {
        ListingSql sql = ListingSql.of(request(null, null, "20", "59.99", null, null, 1));

        assertThat(sql.total()).isEqualTo("select cast("
                + "(select coalesce(sum(n), 0) from query.book_price_tally where yuan >= :lowYuan and yuan < :highYuan)"
                + " as bigint)");
        assertThat(sql.params()).containsEntry("lowYuan", 20L).containsEntry("highYuan", 60L);
    }

    @Test
    void a_range_narrower_than_two_yuan_is_counted_directly() {
        assertThat(ListingSql.of(request("小说", null, "10.01", "10.99", true, null, 1)).total())
                .isEqualTo("select count(*) from query.book where status = 'ACTIVE' and category = :category"
                        + " and available and price >= 10.01 and price <= 10.99");
    }

    private static ListingRequest request(String category, String author, String minPrice, String maxPrice,
            Boolean available, String sort, int page) {
        return ListingRequest.parse(category, author, minPrice, maxPrice, available, sort, page, 20);
    }
}
