package com.shucheng.catalogimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogLinesTest {

    private static final String GOOD = """
            {"isbn":"9787506365437","title":"活着","authors":["余华"],"category":"当代小说","price":"28.00",\
            "lendableCopies":4,"stock":30}""";

    private final CatalogLines lines = new CatalogLines();

    @Test
    void a_complete_book_is_sent_exactly_as_written() {
        ParsedLine parsed = lines.parse(7, GOOD);

        assertThat(parsed).isEqualTo(new ParsedLine.Sendable(7, GOOD, "9787506365437"));
    }

    @Test
    void a_price_with_three_decimals_is_left_for_the_server_to_judge() {
        String line = GOOD.replace("\"28.00\"", "28.005");

        assertThat(lines.parse(1, line)).isInstanceOf(ParsedLine.Sendable.class);
    }

    @Test
    void blank_lines_are_skipped_not_rejected() {
        assertThat(lines.parse(3, "   \t")).isEqualTo(new ParsedLine.Blank(3));
        assertThat(lines.parse(4, "")).isEqualTo(new ParsedLine.Blank(4));
    }

    @Test
    void a_line_that_is_not_json_is_rejected_locally_with_the_parser_reason() {
        ParsedLine parsed = lines.parse(2, "{\"isbn\": 978");

        assertThat(parsed).isInstanceOfSatisfying(ParsedLine.Invalid.class, invalid -> {
            assertThat(invalid.number()).isEqualTo(2);
            assertThat(invalid.code()).isEqualTo(CatalogLines.MALFORMED_JSON);
            assertThat(invalid.reason()).isNotBlank();
            assertThat(invalid.text()).isEqualTo("{\"isbn\": 978");
        });
    }

    @Test
    void text_after_the_object_makes_the_line_malformed() {
        assertThat(lines.parse(1, GOOD + " trailing")).isInstanceOfSatisfying(ParsedLine.Invalid.class,
                invalid -> assertThat(invalid.code()).isEqualTo(CatalogLines.MALFORMED_JSON));
    }

    @Test
    void a_json_value_that_is_not_an_object_is_rejected() {
        assertThat(lines.parse(1, "[1, 2]")).isInstanceOfSatisfying(ParsedLine.Invalid.class,
                invalid -> assertThat(invalid.code()).isEqualTo(CatalogLines.NOT_AN_OBJECT));
        assertThat(lines.parse(1, "\"活着\"")).isInstanceOfSatisfying(ParsedLine.Invalid.class,
                invalid -> assertThat(invalid.code()).isEqualTo(CatalogLines.NOT_AN_OBJECT));
    }

    @Test
    void missing_and_null_fields_are_named_in_the_reason() {
        ParsedLine parsed = lines.parse(5, "{\"isbn\":\"9787506365437\",\"title\":\"活着\",\"price\":null}");

        assertThat(parsed).isInstanceOfSatisfying(ParsedLine.Invalid.class, invalid -> {
            assertThat(invalid.code()).isEqualTo(CatalogLines.MISSING_FIELDS);
            assertThat(invalid.reason()).isEqualTo("missing authors, category, price, lendableCopies, stock");
        });
    }

    @Test
    void a_byte_order_mark_on_the_first_line_is_ignored() {
        assertThat(lines.parse(1, "\uFEFF" + GOOD)).isEqualTo(new ParsedLine.Sendable(1, GOOD, "9787506365437"));
    }

    @Test
    void a_line_with_bytes_that_are_not_utf8_is_rejected_with_its_text() {
        assertThat(lines.notUtf8(9, "活\uFFFD")).isEqualTo(
                new ParsedLine.Invalid(9, "活\uFFFD", CatalogLines.INVALID_ENCODING, "the line is not valid UTF-8"));
    }
}
