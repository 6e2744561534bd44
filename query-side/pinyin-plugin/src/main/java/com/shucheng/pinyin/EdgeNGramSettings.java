package com.shucheng.pinyin;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;

/** Settings of the {@code shucheng_edge_ngram} token filter. */
@AnalysisSettings
public interface EdgeNGramSettings {

    @IntSetting(path = "min_gram", defaultValue = 1)
    int minGram();

    @IntSetting(path = "max_gram", defaultValue = 20)
    int maxGram();

}
