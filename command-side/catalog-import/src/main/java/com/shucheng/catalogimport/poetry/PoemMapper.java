package com.shucheng.catalogimport.poetry;

import com.shucheng.events.book.Author;
import com.shucheng.events.book.Category;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns one poem record of a collection into a book: poem title → title, poet → authors,
 * collection → category, a generated ISBN, prices and copies. The text stays as the source writes it
 * (唐诗 and 宋诗 in traditional characters). One mapper per build: it remembers the titles it gave
 * out, so two poems with the same title by the same poet become two distinguishable books.
 */
final class PoemMapper {

    static final int MAX_TITLE_LENGTH = 300;
    private static final int MAX_FIRST_LINE = 20;
    private static final Pattern STAGE_DIRECTIONS = Pattern.compile("^\\s*(?:[(（][^)）]*[)）]\\s*)+");
    private static final Pattern PHRASE_END = Pattern.compile("[，。？！；：、,.?!;:（(]");
    private static final Pattern BOOK_NAME = Pattern.compile("《[^》]*》");
    private static final Pattern CONTROL_OR_SPACES = Pattern.compile("[\\p{Cntrl}\\s]+");
    private static final String UNKNOWN_AUTHOR = "无名氏";

    enum Skip {
        /** The poet's name has characters the catalog cannot hold, e.g. □ for a character lost in the source. */
        BAD_AUTHOR,
        NO_AUTHOR,
        /** Neither a title nor a first line to name the poem by (a few 唐诗 records hold only "。"). */
        NO_TITLE,
        TITLE_TOO_LONG,
        /** The title holds U+FFFD: a character the source lost to an encoding accident, unreadable to anyone. */
        BAD_TITLE,
        /** The same poet, collection and opening line as an earlier poem: the same poem twice. */
        DUPLICATE
    }

    sealed interface Mapped {
    }

    record Kept(CatalogBook book) implements Mapped {
    }

    record Skipped(Skip reason, String detail) implements Mapped {
    }

    private final Set<String> titlesGiven = new HashSet<>();
    /** The same poet opening two poems of one collection with the same line: one poem, listed twice. */
    private final Set<String> openings = new HashSet<>();

    Mapped map(Collection collection, int index, JsonNode poem) {
        String rawAuthor = text(poem, "author");
        List<String> authors = authors(collection, rawAuthor);
        if (authors.isEmpty()) {
            return new Skipped(Skip.NO_AUTHOR, "");
        }
        for (String author : authors) {
            if (Author.problem(author) != null) {
                return new Skipped(Skip.BAD_AUTHOR, author);
            }
        }
        String opening = firstLine(poem);
        if (meaningful(opening) && !openings.add(collection.name() + '\u0000' + opening + '\u0000' + authors)) {
            return new Skipped(Skip.DUPLICATE, opening);
        }
        String firstPhrase = firstPhrase(poem);
        String title = withWork(workNamedIn(rawAuthor), title(collection, poem, firstPhrase));
        if (title.isEmpty()) {
            return new Skipped(Skip.NO_TITLE, "");
        }
        String unique = unclaimedTitle(collection, title, authors, poem, firstPhrase);
        if (unique == null) {
            return new Skipped(Skip.DUPLICATE, title);
        }
        if (unique.indexOf('\uFFFD') >= 0) {
            return new Skipped(Skip.BAD_TITLE, unique);
        }
        if (unique.length() > MAX_TITLE_LENGTH) {
            return new Skipped(Skip.TITLE_TOO_LONG, unique.substring(0, 40));
        }
        String isbn = GeneratedIsbn.of(collection.isbnBlock, index);
        Pricing.Terms terms = Pricing.of(isbn);
        return new Kept(new CatalogBook(isbn, unique, authors, category(collection), terms.price(),
                terms.lendableCopies(), terms.stock()));
    }

    /**
     * The title, or when this poet already has a book of that title in the collection (扬之水 three
     * times in 诗经, 前腔 all through a play), the title with the first phrase, the section, or the
     * whole opening line added; null when even that was taken: the same poem twice.
     */
    private String unclaimedTitle(Collection collection, String title, List<String> authors, JsonNode poem,
            String firstPhrase) {
        if (claim(collection, title, authors)) {
            return title;
        }
        for (String distinction : List.of(firstPhrase, clean(text(poem, "section")), firstLine(poem))) {
            if (!distinction.isEmpty() && !title.endsWith(distinction)
                    && claim(collection, title + "·" + distinction, authors)) {
                return title + "·" + distinction;
            }
        }
        return null;
    }

    private boolean claim(Collection collection, String title, List<String> authors) {
        return titlesGiven.add(collection.name() + '\u0000' + title + '\u0000' + String.join("\u0000", authors));
    }

    private static String category(Collection collection) {
        String problem = Category.problem(collection.category);
        if (problem != null) {
            throw new IllegalStateException("category " + collection.category + ": " + problem);
        }
        return collection.category;
    }

    /**
     * The poet as the catalog credits them. {@code 賀知章、源乾曜} wrote together: two authors.
     * {@code 无名氏《宦门子弟错立身》} names the play, not the person: the 《…》 part goes.
     * {@code 《靖康小雅》作者} ("the author of …") is nobody known: 无名氏.
     */
    static List<String> authors(Collection collection, String raw) {
        String cleaned = clean(BOOK_NAME.matcher(raw == null ? "" : raw).replaceAll(""));
        if (cleaned.isEmpty() || cleaned.equals("作者")) {
            if (raw != null && !raw.isBlank()) {
                return List.of(UNKNOWN_AUTHOR);
            }
            return collection.defaultAuthor == null ? List.of() : List.of(collection.defaultAuthor);
        }
        List<String> authors = new ArrayList<>();
        for (String part : cleaned.split("、")) {
            String name = clean(part);
            if (!name.isEmpty() && !authors.contains(name)) {
                authors.add(name);
            }
        }
        return authors;
    }

    /**
     * The poem's title; for 词 the tune and the first line. An untitled poem is known by its first
     * line, as anthologies do (以首句为题).
     */
    static String title(Collection collection, JsonNode poem, String firstPhrase) {
        String tune = clean(text(poem, "rhythmic"));
        String title = clean(text(poem, "title"));
        if (collection.tuneAndFirstLine && !tune.isEmpty()) {
            return firstPhrase.isEmpty() ? tune : tune + "·" + firstPhrase;
        }
        if (!title.isEmpty()) {
            return title;
        }
        return !tune.isEmpty() ? tune : firstPhrase;
    }

    /** The opening phrase of the poem's first line, up to its first punctuation mark. */
    static String firstPhrase(JsonNode poem) {
        String line = firstLine(poem);
        var end = PHRASE_END.matcher(line);
        return clean(end.find() ? line.substring(0, end.start()) : line);
    }

    /**
     * The poem's first line without the stage directions a 曲 opens with ({@code (小生)忠规，…}), at
     * most {@value #MAX_FIRST_LINE} characters.
     */
    static String firstLine(JsonNode poem) {
        for (String field : List.of("paragraphs", "content", "para")) {
            JsonNode lines = poem.get(field);
            if (lines != null && lines.isArray() && !lines.isEmpty() && lines.get(0).isString()) {
                String line = clean(STAGE_DIRECTIONS.matcher(lines.get(0).stringValue()).replaceFirst(""));
                return line.length() > MAX_FIRST_LINE ? line.substring(0, MAX_FIRST_LINE) : line;
            }
        }
        return "";
    }

    /** The play a 曲 comes from, when the source names it beside the author: 徐田臣《杀狗记》. */
    static String workNamedIn(String rawAuthor) {
        var work = BOOK_NAME.matcher(rawAuthor == null ? "" : rawAuthor);
        return work.find() ? clean(work.group().substring(1, work.group().length() - 1)) : "";
    }

    /** 前腔 alone says nothing; 杀狗记・前腔 does. Titles that already name the play stay as they are. */
    static String withWork(String work, String title) {
        if (work.isEmpty() || title.isEmpty() || title.contains(work)) {
            return title;
        }
        return work + "・" + title;
    }

    /** At least two letters: "。" or "(合前)。" open many different 曲 and tell nothing apart. */
    static boolean meaningful(String opening) {
        return opening.codePoints().filter(Character::isLetter).limit(2).count() == 2;
    }

    private static String text(JsonNode poem, String field) {
        JsonNode value = poem.get(field);
        return value != null && value.isString() ? value.stringValue() : "";
    }

    private static String clean(String text) {
        return CONTROL_OR_SPACES.matcher(text).replaceAll(" ").strip();
    }
}
