package com.shucheng.pinyin;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Reads the whole input and emits its whole-input forms first, then one token per unit.
 *
 * <p>The whole-input forms sit at the first position and span the units they cover (position length),
 * like a multi-word synonym, so start offsets never go backwards and a graph-aware query parser sees
 * "sanguoyanyi" as an alternative to "san guo yan yi".
 */
final class PinyinTokenizer extends Tokenizer {

    static final String SYLLABLE = "pinyin";
    static final String WORD = "word";

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

    private final TokenizerOptions options;

    private int inputLength;
    private List<Syllable> units = List.of();
    private List<WholeInputForms.Form> forms = List.of();
    private int coveredUnits;
    private int nextForm;
    private int nextUnit;

    PinyinTokenizer(TokenizerOptions options) {
        this.options = options;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        String text = readAll();
        inputLength = text.length();
        units = Syllables.of(text);
        coveredUnits = WholeInputForms.coveredUnits(units);
        forms = WholeInputForms.of(units.subList(0, coveredUnits), options, units.size());
        if (options.keepFull() && units.size() == 1) {
            // "书" alone: joined pinyin is the syllable token itself, at the same position.
            String only = units.get(0).full();
            forms = forms.stream().filter(form -> !form.term().equals(only)).toList();
        }
        nextForm = 0;
        nextUnit = 0;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        if (nextForm < forms.size()) {
            WholeInputForms.Form form = forms.get(nextForm);
            emit(form.term(), form.type(), units.get(0).start(), units.get(coveredUnits - 1).end());
            posIncAtt.setPositionIncrement(nextForm == 0 ? 1 : 0);
            posLenAtt.setPositionLength(options.keepFull() ? coveredUnits : 1);
            nextForm++;
            return true;
        }
        if (options.keepFull() && nextUnit < units.size()) {
            Syllable unit = units.get(nextUnit);
            emit(unit.full(), unit.ascii() ? WORD : SYLLABLE, unit.start(), unit.end());
            posIncAtt.setPositionIncrement(nextUnit == 0 && !forms.isEmpty() ? 0 : 1);
            nextUnit++;
            return true;
        }
        return false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int finalOffset = correctOffset(inputLength);
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void close() throws IOException {
        super.close();
        units = List.of();
        forms = List.of();
    }

    private void emit(String term, String type, int start, int end) {
        termAtt.setEmpty().append(term);
        typeAtt.setType(type);
        offsetAtt.setOffset(correctOffset(start), correctOffset(end));
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }

}
