package com.shucheng.query.authors;

import com.shucheng.query.system.BadQuery;
import com.shucheng.query.system.ReadsFrom;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/authors")
@ReadsFrom(AuthorsProjection.GROUP)
class AuthorsController {

    static final int MAX_SIZE = 100;
    private static final String INVALID = "INVALID_PARAMETER";

    private final JdbcClient db;

    AuthorsController(JdbcClient db) {
        this.db = db;
    }

    /**
     * Authors of active books, by name or (sort=-books) most books first, page 1 first. Both orders are
     * an index ({@code author_pkey}, {@code author_by_books}); the total counts one row per author.
     */
    @GetMapping
    AuthorPageView authors(@RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
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
        long total = db.sql("select count(*) from query.author").query(Long.class).single();
        List<AuthorView> items = offset >= total ? List.of()
                : db.sql("select name, books from query.author order by " + orderBy + " limit :limit offset :offset")
                        .param("limit", size)
                        .param("offset", offset)
                        .query((row, n) -> new AuthorView(row.getString("name"), row.getInt("books")))
                        .list();
        return new AuthorPageView(items, page, size, total);
    }
}
