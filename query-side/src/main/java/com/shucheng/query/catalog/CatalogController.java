package com.shucheng.query.catalog;

import com.shucheng.query.system.NotFound;
import com.shucheng.query.system.ReadsFrom;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/books")
@ReadsFrom(CatalogProjection.GROUP)
class CatalogController {

    private final JdbcClient db;

    CatalogController(JdbcClient db) {
        this.db = db;
    }

    /** Retired books still answer here (status RETIRED); only listings leave them out. */
    @GetMapping("/{bookId}")
    BookView book(@PathVariable UUID bookId) {
        return db.sql("""
                        select book_id, isbn, title, authors, category, price, lendable_copies, available_copies,
                               stock, available_stock, status
                        from query.book where book_id = ?""")
                .param(bookId)
                .query((row, n) -> view(row))
                .optional()
                .orElseThrow(() -> new NotFound("BOOK_NOT_FOUND", "no book with id " + bookId));
    }

    /**
     * Active books, filtered, sorted and paged (page 1 first). The total is counted first so that a page
     * past the end costs nothing.
     */
    @GetMapping
    BookPageView list(@RequestParam(required = false) String category,
            @RequestParam(required = false) String author,
            @RequestParam(required = false) String minPrice,
            @RequestParam(required = false) String maxPrice,
            @RequestParam(required = false) Boolean available,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + ListingRequest.DEFAULT_SIZE) int size) {
        ListingRequest request = ListingRequest.parse(category, author, minPrice, maxPrice, available, sort, page, size);
        ListingSql sql = ListingSql.of(request);
        long total = db.sql(sql.total()).params(sql.params()).query(Long.class).single();
        List<BookView> items = request.offset() >= total ? List.of()
                : db.sql(sql.page()).params(sql.params()).query((row, n) -> view(row)).list();
        return new BookPageView(items, request.page(), request.size(), total);
    }

    private static BookView view(ResultSet row) throws SQLException {
        return new BookView(
                row.getObject("book_id", UUID.class),
                row.getString("isbn"),
                row.getString("title"),
                List.of((String[]) row.getArray("authors").getArray()),
                row.getString("category"),
                row.getBigDecimal("price").setScale(2, RoundingMode.HALF_UP).toPlainString(),
                row.getInt("lendable_copies"),
                row.getInt("available_copies"),
                row.getInt("stock"),
                row.getInt("available_stock"),
                row.getString("status"));
    }
}
