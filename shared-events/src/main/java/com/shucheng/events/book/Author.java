package com.shucheng.events.book;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An author's name as the catalog credits it: 1 to 100 characters of letters in any script, digits,
 * spaces and the marks names use ({@code · . ' - ( )} and their full-width forms), NFC-normalised,
 * with runs of whitespace collapsed. Events store the {@link #name()} string.
 */
public record Author(String name) {

    public static final int MAX_LENGTH = 100;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd} ·•.'’\\-()（）]+");

    /** The normalised author, or empty with {@link #problem(String)} saying why. */
    public static Optional<Author> parse(String raw) {
        return problem(raw) == null ? Optional.of(new Author(normalise(raw))) : Optional.empty();
    }

    /** Why {@code raw} is not an author's name, or null when it is one. */
    public static String problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return "an author's name must not be blank";
        }
        String name = normalise(raw);
        if (name.length() > MAX_LENGTH) {
            return "an author's name must be at most " + MAX_LENGTH + " characters";
        }
        if (!ALLOWED.matcher(name).matches()) {
            return "an author's name may hold only letters, digits, spaces and · . ' - ( )";
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
