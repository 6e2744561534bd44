package com.shucheng.query.categories;

import com.shucheng.query.system.BadQuery;
import com.shucheng.query.system.ReadsFrom;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/categories")
@ReadsFrom(CategoriesProjection.GROUP)
class CategoriesController {

    static final int MAX_SIZE = 100;
    private static final String INVALID = "INVALID_PARAMETER";

    private final JdbcClient db;

    CategoriesController(JdbcClient db) {
        this.db = db;
    }

    /**
     * Categories of active books, by name or (sort=-books) most books first, page 1 first. Both orders are
     * an index ({@code category_pkey}, {@code category_by_books}); the total counts one row per category.
     */
    @GetMapping
    CategoryPageView categories(@RequestParam(required = false) String sort,
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
        long total = db.sql("select count(*) from query.category").query(Long.class).single();
        List<CategoryView> items = offset >= total ? List.of()
                : db.sql("select name, books from query.category order by " + orderBy + " limit :limit offset :offset")
                        .param("limit", size)
                        .param("offset", offset)
                        .query((row, n) -> new CategoryView(row.getString("name"), row.getInt("books")))
                        .list();
        return new CategoryPageView(items, page, size, total);
    }
}
