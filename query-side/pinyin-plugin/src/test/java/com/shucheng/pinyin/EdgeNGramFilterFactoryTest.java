package com.shucheng.pinyin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.StringReader;
import java.util.List;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.junit.jupiter.api.Test;

class EdgeNGramFilterFactoryTest {

    @Test
    void prefixes_of_each_token_share_its_position_and_offsets() {
        List<Token> tokens = grams(1, 20, "lgz sanguo");

        assertThat(tokens).containsExactly(
                new Token("l", 0, 3, 0, 1, "word"),
                new Token("lg", 0, 3, 0, 1, "word"),
                new Token("lgz", 0, 3, 0, 1, "word"),
                new Token("s", 4, 10, 1, 1, "word"),
                new Token("sa", 4, 10, 1, 1, "word"),
                new Token("san", 4, 10, 1, 1, "word"),
                new Token("sang", 4, 10, 1, 1, "word"),
                new Token("sangu", 4, 10, 1, 1, "word"),
                new Token("sanguo", 4, 10, 1, 1, "word"));
    }

    @Test
    void prefixes_stop_at_max_gram() {
        assertThat(grams(2, 3, "sanguo")).extracting(Token::term).containsExactly("sa", "san");
    }

    @Test
    void tokens_shorter_than_min_gram_are_dropped() {
        assertThat(grams(4, 20, "lgz sanguo")).extracting(Token::term).containsExactly("sang", "sangu", "sanguo");
    }

    @Test
    void min_gram_below_one_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EdgeNGramFilterFactory(new TestSettings(0, 20)))
            .withMessageContaining("min_gram");
    }

    @Test
    void max_gram_below_min_gram_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EdgeNGramFilterFactory(new TestSettings(3, 2)))
            .withMessageContaining("max_gram");
    }

    private static List<Token> grams(int minGram, int maxGram, String text) {
        Tokenizer whitespace = new WhitespaceTokenizer();
        whitespace.setReader(new StringReader(text));
        return Analysis.consume(new EdgeNGramFilterFactory(new TestSettings(minGram, maxGram)).create(whitespace),
                text.length());
    }

    record TestSettings(int minGram, int maxGram) implements EdgeNGramSettings {
    }

}
