package com.shucheng.query.bookdetails;

import com.shucheng.query.system.NotFound;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/books")
class BookDetailsController {

    private final JdbcClient db;

    BookDetailsController(JdbcClient db) {
        this.db = db;
    }

    @GetMapping("/{bookId}")
    BookView book(@PathVariable UUID bookId) {
        return db.sql("""
                        select book_id, isbn, title, authors, category, price, lendable_copies, available_copies,
                               stock, available_stock, status
                        from query.book where book_id = ?""")
                .param(bookId)
                .query((row, n) -> new BookView(
                        row.getObject("book_id", UUID.class),
                        row.getString("isbn"),
                        row.getString("title"),
                        strings(row.getArray("authors")),
                        row.getString("category"),
                        row.getBigDecimal("price").setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                        row.getInt("lendable_copies"),
                        row.getInt("available_copies"),
                        row.getInt("stock"),
                        row.getInt("available_stock"),
                        row.getString("status")))
                .optional()
                .orElseThrow(() -> new NotFound("BOOK_NOT_FOUND", "no book with id " + bookId));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
