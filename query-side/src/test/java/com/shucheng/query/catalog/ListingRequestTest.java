package com.shucheng.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shucheng.query.system.BadQuery;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ListingRequestTest {

    @Test
    void without_parameters_the_listing_is_the_first_twenty_by_title() {
        ListingRequest request = parse(null, null, null, null, null, null, 1, 20);

        assertThat(request.sort()).isEqualTo(BookSort.TITLE);
        assertThat(request.offset()).isZero();
        assertThat(request.category()).isNull();
        assertThat(request.author()).isNull();
        assertThat(request.minPrice()).isNull();
        assertThat(request.maxPrice()).isNull();
        assertThat(request.available()).isNull();
    }

    @Test
    void every_documented_sort_is_accepted() {
        assertThat(parse(null, null, null, null, null, "title", 1, 20).sort()).isEqualTo(BookSort.TITLE);
        assertThat(parse(null, null, null, null, null, "price", 1, 20).sort()).isEqualTo(BookSort.PRICE);
        assertThat(parse(null, null, null, null, null, "-price", 1, 20).sort()).isEqualTo(BookSort.PRICE_DESCENDING);
        assertThat(parse(null, null, null, null, null, "newest", 1, 20).sort()).isEqualTo(BookSort.NEWEST);
        assertThat(parse(null, null, null, null, null, "-sales", 1, 20).sort()).isEqualTo(BookSort.BEST_SELLING);
    }

    @Test
    void an_unknown_sort_is_rejected_naming_the_parameter() {
        assertRejected(() -> parse(null, null, null, null, null, "popularity", 1, 20), "sort");
        assertRejected(() -> parse(null, null, null, null, null, "TITLE", 1, 20), "sort");
    }

    @Test
    void size_must_be_between_one_and_a_hundred() {
        assertThat(parse(null, null, null, null, null, null, 1, 100).size()).isEqualTo(100);
        assertRejected(() -> parse(null, null, null, null, null, null, 1, 101), "size");
        assertRejected(() -> parse(null, null, null, null, null, null, 1, 0), "size");
    }

    @Test
    void pages_start_at_one() {
        assertRejected(() -> parse(null, null, null, null, null, null, 0, 20), "page");
        assertRejected(() -> parse(null, null, null, null, null, null, -3, 20), "page");
    }

    @Test
    void a_deep_page_offset_does_not_overflow() {
        assertThat(parse(null, null, null, null, null, null, Integer.MAX_VALUE, 100).offset())
                .isEqualTo((Integer.MAX_VALUE - 1L) * 100);
    }

    @Test
    void prices_must_be_non_negative_decimals() {
        assertRejected(() -> parse(null, null, "-1", null, null, null, 1, 20), "minPrice");
        assertRejected(() -> parse(null, null, null, "abc", null, null, 1, 20), "maxPrice");
        assertRejected(() -> parse(null, null, "1,50", null, null, null, 1, 20), "minPrice");
        assertRejected(() -> parse(null, null, "NaN", null, null, null, 1, 20), "minPrice");
    }

    @Test
    void a_minimum_above_the_maximum_is_rejected() {
        assertRejected(() -> parse(null, null, "50", "20", null, null, 1, 20), "minPrice");
    }

    @Test
    void prices_are_rounded_onto_the_cent_grid_inward() {
        ListingRequest request = parse(null, null, "10.001", "19.999", null, null, 1, 20);

        assertThat(request.minPrice()).isEqualByComparingTo("10.01");
        assertThat(request.maxPrice()).isEqualByComparingTo("19.99");
    }

    @Test
    void absurd_prices_are_bounded_rather_than_passed_to_the_database() {
        ListingRequest request = parse(null, null, "1e-9999", "1e9999", null, null, 1, 20);

        assertThat(request.minPrice()).isEqualByComparingTo("0.01");
        assertThat(request.maxPrice()).isEqualByComparingTo(new BigDecimal("1000000000"));
        assertThat(request.maxPrice().scale()).isEqualTo(2);
    }

    @Test
    void blank_filters_are_no_filters() {
        ListingRequest request = parse(" ", "", "", " ", null, "", 1, 20);

        assertThat(request.category()).isNull();
        assertThat(request.author()).isNull();
        assertThat(request.minPrice()).isNull();
        assertThat(request.maxPrice()).isNull();
        assertThat(request.sort()).isEqualTo(BookSort.TITLE);
    }

    @Test
    void names_are_normalised_like_the_command_side_stores_them() {
        ListingRequest request = parse("  古典   小说 ", " 罗贯中 ", null, null, null, null, 1, 20);

        assertThat(request.category()).isEqualTo("古典 小说");
        assertThat(request.author()).isEqualTo("罗贯中");
    }

    @Test
    void over_long_names_are_rejected() {
        assertRejected(() -> parse("类".repeat(201), null, null, null, null, null, 1, 20), "category");
        assertRejected(() -> parse(null, "a".repeat(201), null, null, null, null, 1, 20), "author");
    }

    @Test
    void names_with_control_characters_are_rejected() {
        assertRejected(() -> parse("唐诗\u0000", null, null, null, null, null, 1, 20), "category");
        assertRejected(() -> parse(null, "李\u0001白", null, null, null, null, 1, 20), "author");
    }

    private static ListingRequest parse(String category, String author, String minPrice, String maxPrice,
            Boolean available, String sort, int page, int size) {
        return ListingRequest.parse(category, author, minPrice, maxPrice, available, sort, page, size);
    }

    private static void assertRejected(Runnable parse, String parameter) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(BadQuery.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_PARAMETER");
                    assertThat(e.parameter()).isEqualTo(parameter);
                });
    }
}
