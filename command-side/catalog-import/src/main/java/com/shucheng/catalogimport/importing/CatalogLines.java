package com.shucheng.catalogimport.importing;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local check of a catalog line. It only catches what the server could not even be asked
 * about (not JSON, not an object, fields missing); every rule on the values (ISBN checksum, price
 * digits, category names …) stays the command side's, so the importer cannot drift from it.
 */
final class CatalogLines {

    static final List<String> REQUIRED_FIELDS =
            List.of("isbn", "title", "authors", "category", "price", "lendableCopies", "stock");

    static final String MALFORMED_JSON = "MALFORMED_JSON";
    static final String NOT_AN_OBJECT = "NOT_AN_OBJECT";
    static final String MISSING_FIELDS = "MISSING_FIELDS";
    static final String INVALID_ENCODING = "INVALID_ENCODING";

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A line whose bytes are not UTF-8: sending it would store replacement characters as titles. */
    ParsedLine notUtf8(long number, String text) {
        return new ParsedLine.Invalid(number, text, INVALID_ENCODING, "the line is not valid UTF-8");
    }

    ParsedLine parse(long number, String raw) {
        String text = number == 1 && !raw.isEmpty() && raw.charAt(0) == BYTE_ORDER_MARK ? raw.substring(1) : raw;
        if (text.isBlank()) {
            return new ParsedLine.Blank(number);
        }
        JsonNode book;
        try {
            book = json.readTree(text);
        } catch (JacksonException e) {
            return new ParsedLine.Invalid(number, text, MALFORMED_JSON, describe(e));
        }
        if (book == null || !book.isObject()) {
            return new ParsedLine.Invalid(number, text, NOT_AN_OBJECT, "the line must be one JSON object");
        }
        List<String> missing = REQUIRED_FIELDS.stream()
                .filter(field -> book.get(field) == null || book.get(field).isNull())
                .toList();
        if (!missing.isEmpty()) {
            return new ParsedLine.Invalid(number, text, MISSING_FIELDS, "missing " + String.join(", ", missing));
        }
        JsonNode isbn = book.get("isbn");
        return new ParsedLine.Sendable(number, text, isbn.isString() ? isbn.stringValue() : isbn.toString());
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        int detailStart = message.indexOf('\n');
        if (detailStart > 0) {
            message = message.substring(0, detailStart);
        }
        TokenStreamLocation at = e.getLocation();
        return at != null && at.getColumnNr() > 0 ? message + " (column " + at.getColumnNr() + ")" : message;
    }
}
