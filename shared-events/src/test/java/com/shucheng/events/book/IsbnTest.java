package com.shucheng.events.book;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsbnTest {

    @Test
    void a_valid_isbn13_with_hyphens_is_accepted_as_digits_only() {
        assertThat(Isbn.parse("978-7-02-000870-4")).contains(new Isbn("9787020008704"));
    }

    @Test
    void an_isbn10_is_normalised_to_its_isbn13() {
        assertThat(Isbn.parse("0-306-40615-2")).contains(new Isbn("9780306406157"));
    }

    @Test
    void an_isbn10_ending_in_x_is_accepted() {
        assertThat(Isbn.parse("0-8044-2957-X")).contains(new Isbn("9780804429573"));
    }

    @Test
    void a_wrong_checksum_is_rejected() {
        assertThat(Isbn.parse("9787020008706")).isEmpty();
        assertThat(Isbn.parse("0306406153")).isEmpty();
    }

    @Test
    void letters_and_wrong_lengths_are_rejected() {
        assertThat(Isbn.parse("978702000870A")).isEmpty();
        assertThat(Isbn.parse("12345")).isEmpty();
        assertThat(Isbn.parse("")).isEmpty();
        assertThat(Isbn.parse(null)).isEmpty();
        assertThat(Isbn.parse("X306406152")).isEmpty();
    }
}
