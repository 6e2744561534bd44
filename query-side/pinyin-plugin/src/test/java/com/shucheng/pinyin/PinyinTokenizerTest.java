package com.shucheng.pinyin;

import static com.shucheng.pinyin.Analysis.DEFAULTS;
import static com.shucheng.pinyin.Analysis.FULL_ONLY;
import static com.shucheng.pinyin.Analysis.INITIALS_ONLY;
import static com.shucheng.pinyin.Analysis.JOINED_ONLY;
import static com.shucheng.pinyin.Analysis.PY_PREFIX;
import static com.shucheng.pinyin.Analysis.terms;
import static com.shucheng.pinyin.Analysis.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import java.util.Random;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinyinTokenizerTest {

    // keep_full

    @Test
    void full_pinyin_gives_one_token_per_character_with_that_characters_offsets() {
        assertThat(tokens(FULL_ONLY, "三国演义")).containsExactly(
                new Token("san", 0, 1, 0, 1, "pinyin"),
                new Token("guo", 1, 2, 1, 1, "pinyin"),
                new Token("yan", 2, 3, 2, 1, "pinyin"),
                new Token("yi", 3, 4, 3, 1, "pinyin"));
    }

    @Test
    void full_pinyin_keeps_each_ascii_run_as_one_lowercased_word() {
        assertThat(tokens(FULL_ONLY, "Harry Potter 哈利")).containsExactly(
                new Token("harry", 0, 5, 0, 1, "word"),
                new Token("potter", 6, 12, 1, 1, "word"),
                new Token("ha", 13, 14, 2, 1, "pinyin"),
                new Token("li", 14, 15, 3, 1, "pinyin"));
    }

    @Test
    void full_pinyin_keeps_letters_and_digits_of_one_run_together() {
        assertThat(terms(FULL_ONLY, "三体2 iPhone15")).containsExactly("san", "ti", "2", "iphone15");
    }

    @Test
    void full_width_letters_and_digits_read_as_ascii() {
        assertThat(tokens(FULL_ONLY, "ＡＢＣ１三")).containsExactly(
                new Token("abc1", 0, 4, 0, 1, "word"),
                new Token("san", 4, 5, 1, 1, "pinyin"));
    }

    @Test
    void ascii_runs_longer_than_a_token_may_be_are_split() {
        String text = "a".repeat(600);

        assertThat(tokens(FULL_ONLY, text)).extracting(Token::start, Token::end)
            .containsExactly(tuple(0, 255), tuple(255, 510),
                    tuple(510, 600));
    }

    // keep_joined

    @Test
    void joined_pinyin_spans_the_whole_input() {
        assertThat(tokens(JOINED_ONLY, "三国演义")).containsExactly(new Token("sanguoyanyi", 0, 4, 0, 1, "pinyin_joined"));
    }

    @ParameterizedTest
    @CsvSource({ "三guo, sanguo", "San Guo, sanguo", "san guo, sanguo", "'三 国,演义!', sanguoyanyi",
            "Harry Potter 哈利, harrypotterhali" })
    void joined_pinyin_of_a_mixed_query_drops_spaces(String query, String joined) {
        assertThat(terms(JOINED_ONLY, query)).containsExactly(joined);
    }

    @Test
    void joined_pinyin_spans_from_the_first_to_the_last_readable_character() {
        assertThat(tokens(JOINED_ONLY, " 《三国》 ")).containsExactly(new Token("sanguo", 2, 4, 0, 1, "pinyin_joined"));
    }

    // keep_initials

    @Test
    void initials_join_the_first_letter_of_each_syllable() {
        assertThat(tokens(INITIALS_ONLY, "三国演义")).containsExactly(new Token("sgyy", 0, 4, 0, 1, "pinyin_initials"));
    }

    @Test
    void initials_take_the_first_letter_of_zh_ch_sh_syllables_too() {
        assertThat(terms(INITIALS_ONLY, "中国人")).containsExactly("zgr");
    }

    @ParameterizedTest
    @CsvSource({ "Harry Potter 哈利, hphl", "三体2, st2", "iPhone15 三, i15s", "1984, 1984" })
    void initials_of_ascii_take_the_first_letter_of_a_word_but_keep_numbers_whole(String text, String initials) {
        assertThat(terms(INITIALS_ONLY, text)).containsExactly(initials);
    }

    // defaults: keep_full, keep_joined, keep_initials

    @Test
    void whole_input_forms_come_first_and_span_the_positions_of_the_syllables() {
        assertThat(tokens(DEFAULTS, "三国演义")).containsExactly(
                new Token("sanguoyanyi", 0, 4, 0, 4, "pinyin_joined"),
                new Token("sgyy", 0, 4, 0, 4, "pinyin_initials"),
                new Token("san", 0, 1, 0, 1, "pinyin"),
                new Token("guo", 1, 2, 1, 1, "pinyin"),
                new Token("yan", 2, 3, 2, 1, "pinyin"),
                new Token("yi", 3, 4, 3, 1, "pinyin"));
    }

    @Test
    void a_single_character_is_not_repeated_as_its_own_joined_pinyin() {
        assertThat(tokens(DEFAULTS, "书")).containsExactly(
                new Token("s", 0, 1, 0, 1, "pinyin_initials"),
                new Token("shu", 0, 1, 0, 1, "pinyin"));
    }

    @Test
    void joined_and_initials_that_are_equal_give_one_token() {
        assertThat(terms(DEFAULTS, "1984")).containsExactly("1984");
    }

    // keep_mixed

    @Test
    void mixed_forms_are_the_first_syllables_in_full_and_the_rest_as_initials() {
        assertThat(tokens(PY_PREFIX, "罗贯中")).containsExactly(
                new Token("luoguanzhong", 0, 3, 0, 1, "pinyin_joined"),
                new Token("lgz", 0, 3, 0, 1, "pinyin_initials"),
                new Token("luogz", 0, 3, 0, 1, "pinyin_mixed"),
                new Token("luoguanz", 0, 3, 0, 1, "pinyin_mixed"));
    }

    @Test
    void mixed_forms_include_joined_and_initials_when_those_are_off() {
        TokenizerOptions mixedOnly = new TokenizerOptions(false, false, false, true, 12);

        assertThat(terms(mixedOnly, "罗贯中")).containsExactly("lgz", "luogz", "luoguanz", "luoguanzhong");
    }

    @Test
    void mixed_forms_are_skipped_above_mixed_max_chars() {
        TokenizerOptions twoAtMost = new TokenizerOptions(false, true, true, true, 2);

        assertThat(terms(twoAtMost, "罗贯中")).containsExactly("luoguanzhong", "lgz");
        assertThat(terms(twoAtMost, "李白")).containsExactly("libai", "lb", "lib");
    }

    @Test
    void mixed_forms_are_off_by_default() {
        assertThat(tokens(DEFAULTS, "罗贯中")).extracting(Token::type).doesNotContain("pinyin_mixed");
    }

    @Test
    void mixed_forms_treat_an_ascii_word_as_one_unit() {
        assertThat(terms(PY_PREFIX, "哈利Potter")).containsExactly("halipotter", "hlp", "halp", "halip");
    }

    // readings

    @ParameterizedTest
    @CsvSource({ "重庆, chongqing", "银行, yinhang", "长安, changan", "长大, zhangda", "曾国藩, zengguofan",
            "重要, zhongyao", "还款, huankuan" })
    void polyphones_are_read_as_part_of_their_word(String text, String joined) {
        assertThat(terms(JOINED_ONLY, text)).containsExactly(joined);
    }

    @ParameterizedTest
    @CsvSource({ "紅樓夢, hongloumeng", "靜夜思, jingyesi", "將進酒, jiangjinjiu", "長恨歌, changhenge",
            "登鸛雀樓, dengguanquelou", "長大, zhangda", "重慶, chongqing", "銀行, yinhang", "曾國藩, zengguofan",
            "乾隆, qianlong", "著作, zhuzuo", "於是, yushi" })
    void traditional_characters_are_read_like_their_simplified_forms(String text, String joined) {
        assertThat(terms(JOINED_ONLY, text)).containsExactly(joined);
    }

    @Test
    void traditional_characters_keep_their_own_offsets() {
        assertThat(tokens(FULL_ONLY, "紅樓夢")).extracting(Token::term, Token::start, Token::end)
            .containsExactly(tuple("hong", 0, 1),
                    tuple("lou", 1, 2), tuple("meng", 2, 3));
    }

    @Test
    void tokens_never_carry_tone_marks_tone_numbers_or_u_umlaut() {
        StringBuilder everyCharacter = new StringBuilder();
        for (char c = '\u4E00'; c <= '\u9FFF'; c++) {
            everyCharacter.append(c);
        }

        List<Token> tokens = tokens(FULL_ONLY, everyCharacter.toString());

        assertThat(tokens).hasSizeGreaterThan(20_000);
        assertThat(tokens).extracting(Token::term).allMatch(term -> term.matches("[a-z]+"));
        assertThat(terms(FULL_ONLY, "女绿略")).containsExactly("nv", "lv", "lve");
    }

    @Test
    void characters_without_a_reading_are_skipped() {
        assertThat(tokens(DEFAULTS, "😀三国!")).containsExactly(
                new Token("sanguo", 2, 4, 0, 2, "pinyin_joined"),
                new Token("sg", 2, 4, 0, 2, "pinyin_initials"),
                new Token("san", 2, 3, 0, 1, "pinyin"),
                new Token("guo", 3, 4, 1, 1, "pinyin"));
    }

    @ParameterizedTest
    @CsvSource(value = { "''", "'   '", "😀！？", "《》" })
    void input_without_anything_readable_gives_no_tokens(String text) {
        assertThat(tokens(DEFAULTS, text)).isEmpty();
        assertThat(tokens(PY_PREFIX, text)).isEmpty();
    }

    // robustness

    @Test
    void long_input_is_read_whole_but_whole_input_tokens_stay_short() {
        String text = "三国演义罗贯中".repeat(1500);

        List<Token> tokens = tokens(new TokenizerOptions(true, true, true, true, 12), text);

        assertThat(tokens.stream().filter(token -> token.type().equals("pinyin"))).hasSize(text.length());
        assertThat(tokens.getLast()).isEqualTo(new Token("zhong", text.length() - 1, text.length(), text.length() - 1, 1,
                "pinyin"));
        Token joined = tokens.getFirst();
        assertThat(joined.type()).isEqualTo("pinyin_joined");
        assertThat(joined.term()).hasSizeLessThanOrEqualTo(255).startsWith("sanguoyanyiluoguanzhongsanguo");
        assertThat(joined.end()).isLessThan(text.length()).isEqualTo(joined.positionLength());
        assertThat(tokens).extracting(Token::type).doesNotContain("pinyin_mixed");
    }

    @Test
    void a_very_long_input_gets_one_syllable_per_character() {
        String text = "长安大道".repeat(75_000);

        List<Token> tokens = tokens(FULL_ONLY, text);

        assertThat(tokens).hasSize(text.length());
    }

    @Test
    void random_text_never_breaks_the_token_stream_contract() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(switch (random.nextInt(4)) {
                    case 0 -> (char) ('\u4E00' + random.nextInt(0x5200));
                    case 1 -> (char) (' ' + random.nextInt(95));
                    case 2 -> (char) random.nextInt(0x10000);
                    default -> "😀";
                });
            }
            // Analysis.consume asserts offsets, positions and the final offset.
            List<Token> tokens = tokens(new TokenizerOptions(true, true, true, true, 12), text.toString());
            assertThat(tokens).allSatisfy(token -> assertThat(token.end()).isLessThanOrEqualTo(text.length()));
        }
    }

    @Test
    void offsets_through_a_char_filter_are_those_the_standard_tokenizer_gives_each_character() {
        String html = "<b>三国</b>演<i>义</i>";

        List<Token> pinyin = Analysis.tokens(FULL_ONLY, new HTMLStripCharFilter(new StringReader(html)), html.length());
        Tokenizer standard = new StandardTokenizer();
        standard.setReader(new HTMLStripCharFilter(new StringReader(html)));

        assertThat(pinyin).extracting(Token::start, Token::end)
            .containsExactlyElementsOf(Analysis.consume(standard, html.length()).stream()
                .map(token -> tuple(token.start(), token.end()))
                .toList())
            .hasSize(4)
            .startsWith(tuple(3, 4));
    }

    @Test
    void a_reused_tokenizer_forgets_the_previous_input() throws Exception {
        Tokenizer tokenizer = new PinyinTokenizer(DEFAULTS);
        tokenizer.setReader(new StringReader("三国演义"));
        Analysis.consume(tokenizer, 4);
        tokenizer.setReader(new StringReader("李白"));

        assertThat(Analysis.consume(tokenizer, 2)).extracting(Token::term).containsExactly("libai", "lb", "li", "bai");
    }

    // settings

    @Test
    void a_tokenizer_that_would_emit_nothing_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenizerOptions(false, false, false, false, 12))
            .withMessageContaining("keep_full");
    }

    @Test
    void a_negative_mixed_max_chars_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenizerOptions(false, true, true, true, -1))
            .withMessageContaining("mixed_max_chars");
    }

    @Test
    void the_factory_reads_every_setting() {
        PinyinTokenizerSettings settings = new TestSettings(false, true, false, true, 2);

        Tokenizer tokenizer = new PinyinTokenizerFactory(settings).create();
        tokenizer.setReader(new StringReader("李白"));

        assertThat(Analysis.consume(tokenizer, 2)).extracting(Token::term).containsExactly("libai", "lb", "lib");
    }

    record TestSettings(boolean keepFull, boolean keepJoined, boolean keepInitials, boolean keepMixed,
            int mixedMaxChars) implements PinyinTokenizerSettings {
    }

}
