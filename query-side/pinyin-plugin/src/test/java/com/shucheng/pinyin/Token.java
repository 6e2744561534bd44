package com.shucheng.pinyin;

/** One token as a test sees it; position is absolute, starting at 0. */
record Token(String term, int start, int end, int position, int positionLength, String type) {

    @Override
    public String toString() {
        return term + "[" + start + "-" + end + "]@" + position + (positionLength > 1 ? "+" + positionLength : "") + ":"
                + type;
    }

}
