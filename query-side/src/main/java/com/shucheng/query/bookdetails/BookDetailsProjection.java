package com.shucheng.query.bookdetails;

import com.shucheng.events.book.BookRegistered;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Folds book events into {@code query.book}, the table behind {@code GET /api/books/{id}}. */
@Component
@ProcessingGroup(BookDetailsProjection.GROUP)
class BookDetailsProjection {

    static final String GROUP = "book-details";

    private final JdbcClient db;

    BookDetailsProjection(JdbcClient db) {
        this.db = db;
    }

    /** An upsert, so handling the same event twice (a retried batch, a replay) changes nothing. */
    @EventHandler
    void on(BookRegistered event, @Timestamp Instant occurredAt) {
        db.sql("""
                insert into query.book (book_id, isbn, title, authors, category, price, lendable_copies,
                                        available_copies, stock, available_stock, status, registered_at, updated_at)
                values (:bookId, :isbn, :title, :authors, :category, :price, :copies, :copies, :stock, :stock,
                        'ACTIVE', :at, :at)
                on conflict (book_id) do update set
                    isbn = excluded.isbn, title = excluded.title, authors = excluded.authors,
                    category = excluded.category, price = excluded.price,
                    lendable_copies = excluded.lendable_copies, available_copies = excluded.available_copies,
                    stock = excluded.stock, available_stock = excluded.available_stock,
                    status = excluded.status, registered_at = excluded.registered_at, updated_at = excluded.updated_at
                """)
                .param("bookId", event.bookId())
                .param("isbn", event.isbn())
                .param("title", event.title())
                .param("authors", event.authors().toArray(String[]::new))
                .param("category", event.category())
                .param("price", event.price())
                .param("copies", event.lendableCopies())
                .param("stock", event.stock())
                .param("at", java.sql.Timestamp.from(occurredAt))
                .update();
    }

    @ResetHandler
    void reset() {
        db.sql("truncate query.book").update();
    }
}
