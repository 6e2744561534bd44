package com.shucheng.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TitleSortKeyTest {

    @Test
    void titles_are_read_as_pinyin_with_tones() {
        assertThat(TitleSortKey.of("三国演义")).isEqualTo("san1 guo2 yan3 yi4");
    }

    @Test
    void polyphones_are_read_by_their_word() {
        assertThat(TitleSortKey.of("重庆")).startsWith("chong");
        assertThat(TitleSortKey.of("长大")).startsWith("zhang");
    }

    @Test
    void traditional_characters_read_like_their_simplified_forms() {
        assertThat(TitleSortKey.of("靜夜思")).isEqualTo(TitleSortKey.of("静夜思"));
        assertThat(TitleSortKey.of("重慶")).isEqualTo(TitleSortKey.of("重庆"));
    }

    @Test
    void a_shorter_syllable_sorts_before_a_longer_one_that_starts_with_it() {
        assertThat(sorted("安", "阿牛")).containsExactly("阿牛", "安");
    }

    @Test
    void the_same_syllable_sorts_by_tone() {
        assertThat(sorted("骂", "马", "妈")).containsExactly("妈", "马", "骂");
    }

    @Test
    void chinese_and_latin_titles_share_one_alphabet_after_digits() {
        assertThat(sorted("Zebra", "白鹿原", "1984", "Apple", "茶馆")).containsExactly("1984", "Apple", "白鹿原", "茶馆", "Zebra");
    }

    @Test
    void punctuation_and_spacing_do_not_count() {
        assertThat(TitleSortKey.of("《三国演义》")).isEqualTo(TitleSortKey.of("三国 演义"));
        assertThat(TitleSortKey.of("ＡＢＣ")).isEqualTo(TitleSortKey.of("abc"));
    }

    @Test
    void characters_without_a_reading_sort_after_every_reading() {
        assertThat(sorted("ノルウェイの森", "活着")).containsExactly("活着", "ノルウェイの森");
    }

    @Test
    void the_key_is_bounded_for_the_index() {
        assertThat(TitleSortKey.of("庄".repeat(300))).hasSizeLessThanOrEqualTo(TitleSortKey.MAX_LENGTH);
        assertThat(TitleSortKey.of("")).isEmpty();
        assertThat(TitleSortKey.of("《》")).isEmpty();
    }

    /** Compared as PostgreSQL's C collation does for these ASCII keys: by char. */
    private static List<String> sorted(String... titles) {
        return Stream.of(titles).sorted(Comparator.comparing(TitleSortKey::of)).toList();
    }
}
