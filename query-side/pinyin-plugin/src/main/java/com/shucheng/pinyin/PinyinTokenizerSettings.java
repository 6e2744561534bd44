package com.shucheng.pinyin;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;

/** Settings of the {@code shucheng_pinyin} tokenizer; Elasticsearch implements this from the index settings. */
@AnalysisSettings
public interface PinyinTokenizerSettings {

    /** One token per syllable (and per ASCII word), each with its own character's offsets. */
    @BooleanSetting(path = "keep_full", defaultValue = true)
    boolean keepFull();

    /** One token with the whole input's pinyin joined: 三国演义 → sanguoyanyi. */
    @BooleanSetting(path = "keep_joined", defaultValue = true)
    boolean keepJoined();

    /** One token with the first letters joined: 三国演义 → sgyy. */
    @BooleanSetting(path = "keep_initials", defaultValue = true)
    boolean keepInitials();

    /** Full-then-initials forms a user types: 罗贯中 → luoguanz, luogz. */
    @BooleanSetting(path = "keep_mixed", defaultValue = false)
    boolean keepMixed();

    /** Mixed forms are made only for inputs of at most this many syllables (and ASCII words). */
    @IntSetting(path = "mixed_max_chars", defaultValue = 12)
    int mixedMaxChars();

}
