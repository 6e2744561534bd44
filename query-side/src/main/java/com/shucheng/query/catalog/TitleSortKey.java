package com.shucheng.query.catalog;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.nlpcn.commons.lang.jianfan.Converter;
import org.nlpcn.commons.lang.pinyin.Pinyin;

/**
 * The key {@code sort=title} orders by: the title read as a Chinese dictionary orders it, syllable by
 * syllable in pinyin and then by tone (阿 a1 before 安 an1, 妈 ma1 before 马 ma3), with Latin words and
 * digits in the same alphabet, as phone contact lists do. Each unit ends in a tone digit or a space,
 * both lower than any letter, so a shorter syllable sorts before a longer one that starts with it
 * (阿牛 "a1 niu2" before 安 "an1"), which plain concatenated pinyin would get wrong.
 *
 * <p>Characters without a reading (kana, rare CJK, other scripts) keep their own code point, so they
 * come after every pinyin and Latin key; punctuation and spaces do not count. Same-sounding titles are
 * told apart by the title itself, then the book id, in the listing's ORDER BY.
 */
final class TitleSortKey {

    /**
     * Keeps the key, which is an index key next to the title, well below PostgreSQL's B-tree entry
     * limit (~2.7 kB); 200 characters already order far beyond where titles differ.
     */
    static final int MAX_LENGTH = 200;

    private static final char CJK_FIRST = '\u4E00';
    private static final char CJK_LAST = '\u9FFF';

    /**
     * The simplified set (GB2312). Traditional-only characters are simplified before reading because
     * nlp-lang's word table is simplified (重慶 would otherwise read zhong qing); characters that are
     * also simplified (乾 in 乾隆) keep their own reading. Same rule as our search plugin's.
     */
    private static final BitSet SIMPLIFIED = simplifiedCharacters();

    private TitleSortKey() {
    }

    static String of(String title) {
        if (title == null || title.isBlank()) {
            return "";
        }
        char[] chars = normalize(title);
        String[] readings = readings(new String(chars));
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < chars.length && key.length() < MAX_LENGTH) {
            char c = chars[i];
            if (isAsciiAlphanumeric(c)) {
                int start = i;
                while (i < chars.length && isAsciiAlphanumeric(chars[i])) {
                    i++;
                }
                key.append(new String(chars, start, i - start).toLowerCase(Locale.ROOT)).append(' ');
                continue;
            }
            if (readings[i] != null) {
                key.append(readings[i]).append(' ');
            } else if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c)).append(' ');
            }
            i++;
        }
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key.toString().stripTrailing();
    }

    /** Char for char, so readings line up with the input. */
    private static char[] normalize(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == '〇') {
                chars[i] = '零';
            } else if (c >= CJK_FIRST && c <= CJK_LAST && (SIMPLIFIED == null || !SIMPLIFIED.get(c - CJK_FIRST))) {
                chars[i] = Converter.SIMPLIFIED.convert(c);
            }
        }
        return chars;
    }

    /** One reading with its tone digit ("zhong4") per char, null where there is none. */
    private static String[] readings(String text) {
        String[] readings = new String[text.length()];
        List<String> raw;
        try {
            raw = Pinyin.tonePinyin(text);
        } catch (RuntimeException e) {
            // A dictionary failure must not stop the projection: the title then sorts by its characters.
            return readings;
        }
        // One entry per UTF-16 char; a LinkedList, so iterate rather than get(i).
        if (raw.size() == readings.length) {
            int i = 0;
            for (String reading : raw) {
                readings[i++] = clean(reading);
            }
        }
        return readings;
    }

    /** a-z, ü written as v, and the tone digit last; nlp-lang has a few entries like "e^" or no tone. */
    private static String clean(String reading) {
        if (reading == null) {
            return null;
        }
        StringBuilder letters = new StringBuilder(reading.length());
        char tone = '0';
        for (int i = 0; i < reading.length(); i++) {
            char c = Character.toLowerCase(reading.charAt(i));
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            } else if (c == 'ü') {
                letters.append('v');
            } else if (c >= '1' && c <= '5') {
                tone = c;
            }
        }
        return letters.isEmpty() ? null : letters.append(tone).toString();
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static BitSet simplifiedCharacters() {
        if (!Charset.isSupported("GB2312")) {
            return null;
        }
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        BitSet set = new BitSet(CJK_LAST - CJK_FIRST + 1);
        for (char c = CJK_FIRST; c <= CJK_LAST; c++) {
            if (gb2312.canEncode(c)) {
                set.set(c - CJK_FIRST);
            }
        }
        return set;
    }
}
