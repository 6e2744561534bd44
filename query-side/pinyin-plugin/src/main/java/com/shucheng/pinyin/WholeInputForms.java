package com.shucheng.pinyin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The tokens that stand for the whole input: joined pinyin, initials and the mixed forms in between. */
final class WholeInputForms {

    static final String JOINED = "pinyin_joined";
    static final String INITIALS = "pinyin_initials";
    static final String MIXED = "pinyin_mixed";

    record Form(String term, String type) {
    }

    private WholeInputForms() {
    }

    /**
     * How many leading units the whole-input forms cover: all of them unless their joined pinyin would be
     * longer than one token may be (a 10k-character text would otherwise make an immense term that Lucene
     * rejects, failing the whole document).
     */
    static int coveredUnits(List<Syllable> units) {
        int length = 0;
        for (int i = 0; i < units.size(); i++) {
            length += units.get(i).full().length();
            if (length > Syllables.MAX_UNIT_LENGTH) {
                return i;
            }
        }
        return units.size();
    }

    /** Distinct forms in the order joined, initials, mixed; {@code units} must all be covered. */
    static List<Form> of(List<Syllable> units, TokenizerOptions options, int totalUnits) {
        if (units.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Form> forms = new ArrayList<>();
        if (options.keepJoined()) {
            add(forms, seen, mixed(units, units.size()), JOINED);
        }
        if (options.keepInitials()) {
            add(forms, seen, mixed(units, 0), INITIALS);
        }
        // Bounded by the input's full length, not the covered part: long titles must not explode.
        if (options.keepMixed() && totalUnits <= options.mixedMaxChars()) {
            for (int fullUnits = 0; fullUnits <= units.size(); fullUnits++) {
                add(forms, seen, mixed(units, fullUnits), MIXED);
            }
        }
        return forms;
    }

    /** The first {@code fullUnits} units in full, the rest as initials. */
    private static String mixed(List<Syllable> units, int fullUnits) {
        StringBuilder term = new StringBuilder();
        for (int i = 0; i < units.size(); i++) {
            Syllable unit = units.get(i);
            term.append(i < fullUnits ? unit.full() : unit.initials());
        }
        return term.toString();
    }

    private static void add(List<Form> forms, Set<String> seen, String term, String type) {
        if (seen.add(term)) {
            forms.add(new Form(term, type));
        }
    }

}
