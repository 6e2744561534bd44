package com.shucheng.pinyin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query side's index mapping in miniature: a text field with the standard analyzer plus a
 * {@code pinyin} sub-field (py_index, searched with py_search) and a {@code prefix} sub-field (py_prefix,
 * py_edge and shucheng_remove_duplicates, searched with py_search). A match query hits when any query term is an indexed term.
 */
class BookSearchMappingTest {

    private static final EdgeNGramFilterFactory PY_EDGE = new EdgeNGramFilterFactory(
            new EdgeNGramFilterFactoryTest.TestSettings(1, 20));

    @ParameterizedTest
    @ValueSource(strings = { "三国", "sanguo", "san guo", "三guo", "sgyy", "sg", "sanguoyy", "三國", "SanGuo",
            "sanguoyanyi", "三国演义" })
    void the_title_is_found_by_what_a_reader_types(String query) {
        assertThat(matches("三国演义", query)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "luo", "luog", "luogz", "lgz", "luoguanzhong", "罗贯中", "羅貫中", "luoguan" })
    void the_author_is_found_by_what_a_reader_types(String query) {
        assertThat(matches("罗贯中", query)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "chongqing", "lgz", "hongloumeng", "xiyouji", "sgz" })
    void unrelated_queries_do_not_match(String query) {
        assertThat(matches("重要的三国演义", query)).isFalse();
    }

    private static boolean matches(String fieldValue, String query) {
        return intersects(standard(fieldValue), standard(query))
                || intersects(pinyin(Analysis.PY_INDEX, fieldValue), pinyin(Analysis.PY_SEARCH, query))
                || intersects(prefix(fieldValue), pinyin(Analysis.PY_SEARCH, query));
    }

    private static Set<String> prefix(String text) {
        Tokenizer tokenizer = new PinyinTokenizer(Analysis.PY_PREFIX);
        tokenizer.setReader(new StringReader(text));
        return terms(Analysis.consume(new RemoveDuplicatesFilterFactory().create(PY_EDGE.create(tokenizer)), text.length()));
    }

    private static Set<String> pinyin(TokenizerOptions options, String text) {
        return terms(Analysis.tokens(options, text));
    }

    private static Set<String> standard(String text) {
        try (StandardAnalyzer analyzer = new StandardAnalyzer(); TokenStream stream = analyzer.tokenStream("f", text)) {
            return terms(Analysis.consume(stream, text.length()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Set<String> terms(List<Token> tokens) {
        Set<String> terms = new HashSet<>();
        tokens.forEach(token -> terms.add(token.term()));
        return terms;
    }

    private static boolean intersects(Set<String> indexed, Set<String> searched) {
        return searched.stream().anyMatch(indexed::contains);
    }

}
