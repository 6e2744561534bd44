package com.shucheng.pinyin;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.nlpcn.commons.lang.jianfan.Converter;
import org.nlpcn.commons.lang.pinyin.Pinyin;

/**
 * Reads text as pinyin syllables and ASCII words, keeping each unit's offsets in the original text.
 *
 * <p>Chinese characters are read by nlp-lang at word level, so polyphones follow their word (重庆 chong,
 * 银行 hang, 长大 zhang). ASCII letters and digits, full-width ones included, form one lowercased unit
 * per run; a run's initials are the first letter of each letter segment plus every digit ("harry" h,
 * "iphone15" i15, "1984" 1984), because a reader remembers numbers whole. Anything else (punctuation,
 * emoji, characters without a reading) is skipped.
 */
final class Syllables {

    /** Longest unit emitted; longer ASCII runs are split, like Lucene's standard tokenizer does. */
    static final int MAX_UNIT_LENGTH = 255;

    private static final char CJK_FIRST = '\u4E00';
    private static final char CJK_LAST = '\u9FFF';

    /**
     * CJK characters that belong to the simplified set (GB2312). The others are traditional-only and are
     * simplified before reading: nlp-lang's word table is simplified, so 長大, 重慶 and 銀行 read as
     * chang da, zhong qing and yin xing unless converted first. Characters that are also simplified
     * (乾 in 乾隆, 著 in 著作) stay as they are, since simplifying them changes their reading.
     * Null when the JDK lacks GB2312: then every character is simplified.
     */
    private static final BitSet SIMPLIFIED = simplifiedCharacters();

    private Syllables() {
    }

    static List<Syllable> of(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        char[] chars = normalize(text);
        String[] readings = read(new String(chars));
        List<Syllable> units = new ArrayList<>();
        int i = 0;
        while (i < chars.length) {
            if (isAsciiAlphanumeric(chars[i])) {
                int start = i;
                while (i < chars.length && isAsciiAlphanumeric(chars[i]) && i - start < MAX_UNIT_LENGTH) {
                    i++;
                }
                String word = new String(chars, start, i - start).toLowerCase(Locale.ROOT);
                units.add(new Syllable(word, asciiInitials(word), start, i, true));
            }
            else {
                String reading = readings[i];
                if (reading != null) {
                    units.add(new Syllable(reading, reading.substring(0, 1), i, i + 1, false));
                }
                i++;
            }
        }
        return units;
    }

    /** Maps char for char, so offsets into the normalized text are offsets into the input. */
    private static char[] normalize(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - 0xFEE0);
            }
            else if (c == '於') {
                // In GB2312 only as a rare surname read wū; in titles it is the traditional form of 于 (yú).
                chars[i] = '于';
            }
            else if (c == '〇') {
                chars[i] = '零';
            }
            else if (c >= CJK_FIRST && c <= CJK_LAST && (SIMPLIFIED == null || !SIMPLIFIED.get(c - CJK_FIRST))) {
                chars[i] = Converter.SIMPLIFIED.convert(c);
            }
        }
        return chars;
    }

    /** One toneless reading per char of {@code text}, null where there is none. */
    private static String[] read(String text) {
        String[] readings = new String[text.length()];
        List<String> raw = pinyin(text);
        // nlp-lang answers one entry per UTF-16 char, but an empty list for blank text. The list is a
        // LinkedList: iterate, never get(i), or a long text takes quadratic time.
        if (raw.size() == readings.length) {
            int i = 0;
            for (String reading : raw) {
                readings[i++] = toneless(reading);
            }
        }
        return readings;
    }

    private static List<String> pinyin(String text) {
        try {
            return Pinyin.pinyin(text);
        }
        catch (RuntimeException ex) {
            // A dictionary failure must not make a document unindexable: it then just gets no pinyin.
            return List.of();
        }
    }

    /** Keeps a-z only: nlp-lang writes ü as "ü" or "v" and has a few entries like "e^" and "ta0". */
    private static String toneless(String reading) {
        if (reading == null) {
            return null;
        }
        StringBuilder letters = new StringBuilder(reading.length());
        for (int i = 0; i < reading.length(); i++) {
            char c = Character.toLowerCase(reading.charAt(i));
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
            else if (c == 'ü') {
                letters.append('v');
            }
        }
        return letters.isEmpty() ? null : letters.toString();
    }

    private static String asciiInitials(String word) {
        StringBuilder initials = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean segmentStart = i == 0 || Character.isDigit(word.charAt(i - 1));
            if (Character.isDigit(c) || segmentStart) {
                initials.append(c);
            }
        }
        return initials.toString();
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
