package com.shucheng.catalogimport.poetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shucheng.events.book.Isbn;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedIsbnTest {

    @Test
    void the_check_digit_is_the_isbn13_one() {
        assertThat(GeneratedIsbn.checkDigit("978702000870")).isEqualTo(4);
        assertThat(GeneratedIsbn.checkDigit("978750636543")).isEqualTo(7);
    }

    @Test
    void an_isbn_is_978_7_then_the_collection_block_then_the_position_then_the_check_digit() {
        assertThat(GeneratedIsbn.of(94, 12)).isEqualTo("9787940000123");
        assertThat(GeneratedIsbn.of(95, 254_247)).startsWith("978795254247");
    }

    @Test
    void every_generated_isbn_is_valid_canonical_and_unique() {
        Set<String> seen = new HashSet<>();
        for (Collection collection : Collection.values()) {
            for (int index = 0; index < 30_000; index++) {
                String isbn = GeneratedIsbn.of(collection.isbnBlock, index);
                assertThat(Isbn.parse(isbn)).as(isbn).contains(new Isbn(isbn));
                assertThat(seen.add(isbn)).as("unique %s", isbn).isTrue();
            }
        }
        assertThat(GeneratedIsbn.of(95, GeneratedIsbn.MAX_INDEX)).satisfies(isbn -> assertThat(Isbn.parse(isbn)).isPresent());
    }

    @Test
    void the_same_collection_and_position_always_give_the_same_isbn() {
        assertThat(GeneratedIsbn.of(96, 20_000)).isEqualTo(GeneratedIsbn.of(96, 20_000));
    }

    @Test
    void each_collection_has_its_own_block() {
        assertThat(Collection.values()).extracting(c -> c.isbnBlock).doesNotHaveDuplicates();
    }

    @Test
    void positions_beyond_six_digits_are_refused_rather_than_overlapping_another_block() {
        assertThatThrownBy(() -> GeneratedIsbn.of(95, 1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratedIsbn.of(5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
