package com.shucheng.command.book;

import com.shucheng.command.system.DomainException;
import com.shucheng.events.book.Isbn;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims live in {@code command.isbn_claim}. The insert runs inside the command's transaction (the
 * same connection that appends the events), so a failed registration leaves no claim behind, and of
 * two racing registrations the second waits on the primary key and then sees the first's claim.
 */
@Component
class JdbcIsbnClaims implements IsbnClaims {

    private final JdbcClient jdbc;

    JdbcIsbnClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(Isbn isbn, UUID bookId) {
        int inserted = jdbc.sql("insert into command.isbn_claim (isbn, book_id) values (?, ?) on conflict (isbn) do nothing")
                .params(isbn.value(), bookId)
                .update();
        if (inserted == 0) {
            throw new DomainException("DUPLICATE_ISBN", "isbn", "a book with ISBN " + isbn + " is already registered");
        }
    }
}
