package com.shucheng.pinyin;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code shucheng_edge_ngram}: the prefixes of each token, from {@code min_gram} to
 * {@code max_gram} characters. The integ-test distribution of Elasticsearch lacks the analysis-common
 * module and so its {@code edge_ngram} filter. Tokens shorter than {@code min_gram} are dropped.
 */
@NamedComponent(EdgeNGramFilterFactory.NAME)
public class EdgeNGramFilterFactory implements TokenFilterFactory {

    static final String NAME = "shucheng_edge_ngram";

    private final int minGram;
    private final int maxGram;

    @Inject
    public EdgeNGramFilterFactory(EdgeNGramSettings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        // Fail at index creation rather than on the first document.
        if (minGram < 1 || maxGram < minGram) {
            throw new IllegalArgumentException("[" + NAME + "] needs 1 <= min_gram <= max_gram but min_gram was ["
                    + minGram + "] and max_gram [" + maxGram + "]");
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new EdgeNGramTokenFilter(input, minGram, maxGram, false);
    }

}
