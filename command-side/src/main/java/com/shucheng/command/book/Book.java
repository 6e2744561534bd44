package com.shucheng.command.book;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.shucheng.events.book.BookRegistered;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A title in the catalog: what it is, and how many copies exist to lend and to sell. */
@Aggregate
class Book {

    @AggregateIdentifier
    private UUID bookId;

    protected Book() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Book(RegisterBook command, IsbnClaims isbns) {
        isbns.claim(command.isbn(), command.bookId());
        apply(new BookRegistered(command.bookId(), command.isbn().value(), command.title(), command.authors(),
                command.category(), command.price(), command.lendableCopies(), command.stock()));
    }

    @EventSourcingHandler
    void on(BookRegistered event) {
        bookId = event.bookId();
    }
}
