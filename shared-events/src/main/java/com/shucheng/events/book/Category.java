package com.shucheng.events.book;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shelf a book is listed under, such as {@code 小说}, {@code 唐诗} or {@code Science Fiction}: 1 to
 * 40 characters of letters in any script, digits, spaces, {@code ·}, {@code &} and {@code -},
 * NFC-normalised with runs of whitespace collapsed. Listings match categories exactly. Events
 * store the {@link #name()} string.
 */
public record Category(String name) {

    public static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd} ·&\\-]+");

    /** The normalised category, or empty with {@link #problem(String)} saying why. */
    public static Optional<Category> parse(String raw) {
        return problem(raw) == null ? Optional.of(new Category(normalise(raw))) : Optional.empty();
    }

    /** Why {@code raw} is not a category name, or null when it is one. */
    public static String problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return "a category must not be blank";
        }
        String name = normalise(raw);
        if (name.length() > MAX_LENGTH) {
            return "a category must be at most " + MAX_LENGTH + " characters";
        }
        if (!ALLOWED.matcher(name).matches()) {
            return "a category may hold only letters, digits, spaces, · & and -";
        }
        return null;
    }

    static String normalise(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return name;
    }
}
