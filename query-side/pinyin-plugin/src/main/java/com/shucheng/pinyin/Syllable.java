package com.shucheng.pinyin;

/**
 * One unit of the input: the pinyin of one Chinese character, or one run of ASCII letters and digits.
 *
 * @param full the toneless pinyin (e.g. {@code zhong}) or the lowercased ASCII run
 * @param initials what the unit contributes to the initials form (see {@link Syllables})
 * @param start offset of the unit's first char in the input
 * @param end offset after the unit's last char in the input
 * @param ascii whether the unit is an ASCII run rather than a Chinese character
 */
record Syllable(String full, String initials, int start, int end, boolean ascii) {
}
