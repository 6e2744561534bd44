package com.shucheng.pinyin;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code shucheng_remove_duplicates}: drops a token equal to one already emitted at the same
 * position, like the {@code remove_duplicates} filter of the analysis-common module this distribution
 * lacks. After {@code shucheng_edge_ngram}, the joined, initials and mixed forms of one input share most
 * of their prefixes (luoguanzhong, luoguanz and luogz all give l, lu, luo, luog); without this filter those
 * are indexed several times and short prefixes score higher for longer names.
 */
@NamedComponent(RemoveDuplicatesFilterFactory.NAME)
public class RemoveDuplicatesFilterFactory implements TokenFilterFactory {

    static final String NAME = "shucheng_remove_duplicates";

    @Override
    public TokenStream create(TokenStream input) {
        return new RemoveDuplicatesTokenFilter(input);
    }

}
