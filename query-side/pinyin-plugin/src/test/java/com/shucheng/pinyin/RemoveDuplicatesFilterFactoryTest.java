package com.shucheng.pinyin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;

import org.apache.lucene.analysis.Tokenizer;
import org.junit.jupiter.api.Test;

class RemoveDuplicatesFilterFactoryTest {

    @Test
    void prefixes_shared_by_the_whole_input_forms_are_kept_once() {
        List<String> terms = prefixTerms("罗贯中");

        assertThat(terms).doesNotHaveDuplicates()
            .containsExactlyInAnyOrder("l", "lu", "luo", "luog", "luogu", "luogua", "luoguan", "luoguanz", "luoguanzh",
                    "luoguanzho", "luoguanzhon", "luoguanzhong", "lg", "lgz", "luogz");
    }

    @Test
    void equal_terms_at_different_positions_are_kept() {
        Tokenizer tokenizer = new PinyinTokenizer(Analysis.FULL_ONLY);
        tokenizer.setReader(new StringReader("哈哈"));

        assertThat(Analysis.consume(new RemoveDuplicatesFilterFactory().create(tokenizer), 2))
            .extracting(Token::term, Token::position)
            .containsExactly(tuple("ha", 0), tuple("ha", 1));
    }

    private static List<String> prefixTerms(String text) {
        Tokenizer tokenizer = new PinyinTokenizer(Analysis.PY_PREFIX);
        tokenizer.setReader(new StringReader(text));
        var grams = new EdgeNGramFilterFactory(new EdgeNGramFilterFactoryTest.TestSettings(1, 20)).create(tokenizer);
        return Analysis.consume(new RemoveDuplicatesFilterFactory().create(grams), text.length())
            .stream()
            .map(Token::term)
            .toList();
    }

}
