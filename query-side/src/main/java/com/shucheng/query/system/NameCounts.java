package com.shucheng.query.system;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pages of a read table of {@code (name primary key, books)} with an index on {@code (books desc,
 * name)}, as {@code GET /api/authors} and {@code GET /api/categories} answer them: by name or
 * ({@code sort=-books}) most books first, page 1 first. Both orders are an index; the total counts
 * one row per name.
 */
public final class NameCounts {

    public static final int MAX_SIZE = 100;
    private static final String INVALID = "INVALID_PARAMETER";

    private NameCounts() {
    }

    /** {@code table} comes from code, never from a request: it is written into the SQL. */
    public static NameCountPageView page(JdbcClient db, String table, String sort, int page, int size) {
        if (page < 1) {
            throw new BadQuery(INVALID, "page", "page starts at 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadQuery(INVALID, "size", "size must be between 1 and " + MAX_SIZE);
        }
        String orderBy = switch (sort == null || sort.isBlank() ? "name" : sort.strip()) {
            case "name" -> "name";
            case "-books" -> "books desc, name";
            default -> throw new BadQuery(INVALID, "sort", "sort must be one of name, -books");
        };
        long offset = (long) (page - 1) * size;
        long total = db.sql("select count(*) from " + table).query(Long.class).single();
        List<NameCountView> items = offset >= total ? List.of()
                : db.sql("select name, books from " + table + " order by " + orderBy + " limit :limit offset :offset")
                        .param("limit", size)
                        .param("offset", offset)
                        .query((row, n) -> new NameCountView(row.getString("name"), row.getInt("books")))
                        .list();
        return new NameCountPageView(items, page, size, total);
    }
}
