package com.shucheng.pinyin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** Runs token streams the way Lucene's indexer does and checks the parts of the contract it relies on. */
final class Analysis {

    static final TokenizerOptions DEFAULTS = new TokenizerOptions(true, true, true, false, 12);
    static final TokenizerOptions FULL_ONLY = new TokenizerOptions(true, false, false, false, 12);
    static final TokenizerOptions JOINED_ONLY = new TokenizerOptions(false, true, false, false, 12);
    static final TokenizerOptions INITIALS_ONLY = new TokenizerOptions(false, false, true, false, 12);
    /** The mapping's py_index, py_prefix and py_search tokenizers. */
    static final TokenizerOptions PY_INDEX = DEFAULTS;
    static final TokenizerOptions PY_PREFIX = new TokenizerOptions(false, true, true, true, 12);
    static final TokenizerOptions PY_SEARCH = JOINED_ONLY;

    private Analysis() {
    }

    static List<Token> tokens(TokenizerOptions options, String text) {
        return tokens(options, new StringReader(text), text.length());
    }

    static List<Token> tokens(TokenizerOptions options, Reader reader, int expectedFinalOffset) {
        Tokenizer tokenizer = new PinyinTokenizer(options);
        tokenizer.setReader(reader);
        return consume(tokenizer, expectedFinalOffset);
    }

    static List<String> terms(TokenizerOptions options, String text) {
        return tokens(options, text).stream().map(Token::term).toList();
    }

    static List<Token> consume(TokenStream stream, int expectedFinalOffset) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        PositionIncrementAttribute posInc = stream.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute posLen = stream.addAttribute(PositionLengthAttribute.class);
        TypeAttribute type = stream.addAttribute(TypeAttribute.class);
        List<Token> tokens = new ArrayList<>();
        try (stream) {
            stream.reset();
            int position = -1;
            int lastStart = 0;
            while (stream.incrementToken()) {
                assertThat(offset.startOffset()).as("start offsets must not go backwards").isGreaterThanOrEqualTo(lastStart);
                assertThat(offset.endOffset()).isGreaterThanOrEqualTo(offset.startOffset());
                assertThat(posInc.getPositionIncrement()).isGreaterThanOrEqualTo(tokens.isEmpty() ? 1 : 0);
                lastStart = offset.startOffset();
                position += posInc.getPositionIncrement();
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), position,
                        posLen.getPositionLength(), type.type()));
            }
            stream.end();
            assertThat(offset.endOffset()).as("final offset").isEqualTo(expectedFinalOffset);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return tokens;
    }

}
