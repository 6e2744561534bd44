package com.shucheng.command.book;

import com.shucheng.events.book.Isbn;
import java.util.UUID;

/**
 * The set-based rule "one book per ISBN", kept beside the {@link Book} aggregate because no single
 * aggregate can see every ISBN. A claim must commit or roll back together with the events of the
 * registration that made it.
 */
@FunctionalInterface
interface IsbnClaims {

    /** Reserves {@code isbn} for {@code bookId}, or throws DUPLICATE_ISBN if another book has it. */
    void claim(Isbn isbn, UUID bookId);
}
