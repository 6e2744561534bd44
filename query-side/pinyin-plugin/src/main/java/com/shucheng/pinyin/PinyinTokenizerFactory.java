package com.shucheng.pinyin;

import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Tokenizer {@code shucheng_pinyin}: pinyin tokens for a whole field value or query. */
@NamedComponent(PinyinTokenizerFactory.NAME)
public class PinyinTokenizerFactory implements TokenizerFactory {

    static final String NAME = "shucheng_pinyin";

    private final TokenizerOptions options;

    @Inject
    public PinyinTokenizerFactory(PinyinTokenizerSettings settings) {
        this.options = TokenizerOptions.of(settings);
    }

    @Override
    public Tokenizer create() {
        return new PinyinTokenizer(options);
    }

}
