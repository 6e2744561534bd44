package com.shucheng.pinyin;

/** The settings of one {@code shucheng_pinyin} tokenizer, read once rather than per token. */
record TokenizerOptions(boolean keepFull, boolean keepJoined, boolean keepInitials, boolean keepMixed,
        int mixedMaxChars) {

    TokenizerOptions {
        if (!keepFull && !keepJoined && !keepInitials && !keepMixed) {
            throw new IllegalArgumentException(
                    "[shucheng_pinyin] needs at least one of keep_full, keep_joined, keep_initials, keep_mixed");
        }
        if (mixedMaxChars < 0) {
            throw new IllegalArgumentException("[mixed_max_chars] must be >= 0 but was [" + mixedMaxChars + "]");
        }
    }

    static TokenizerOptions of(PinyinTokenizerSettings settings) {
        return new TokenizerOptions(settings.keepFull(), settings.keepJoined(), settings.keepInitials(),
                settings.keepMixed(), settings.mixedMaxChars());
    }

}
