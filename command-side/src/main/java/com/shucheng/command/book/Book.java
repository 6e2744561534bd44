package com.shucheng.command.book;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.shucheng.command.system.DomainException;
import com.shucheng.events.book.Author;
import com.shucheng.events.book.BookDetailsUpdated;
import com.shucheng.events.book.BookRegistered;
import com.shucheng.events.book.BookRestocked;
import com.shucheng.events.book.BookRetired;
import com.shucheng.events.book.LendableCopiesAdded;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A title in the catalog: what it is, and how many copies exist to lend and to sell. Loaded books
 * stay in {@code aggregateCache} (system/AxonConfig), so a change does not replay the book's history.
 */
@Aggregate(cache = "aggregateCache")
class Book {

    /** Totals beyond these are typing mistakes, not a library: refusing them keeps the numbers sane. */
    static final int MAX_LENDABLE_COPIES = 10_000;
    static final int MAX_STOCK = 10_000_000;

    @AggregateIdentifier
    private UUID bookId;
    private String title;
    private List<String> authors;
    private String category;
    private BigDecimal price;
    private int lendableCopies;
    private int stock;
    private boolean retired;

    protected Book() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Book(RegisterBook command, IsbnClaims isbns) {
        isbns.claim(command.isbn(), command.bookId());
        apply(new BookRegistered(command.bookId(), command.isbn().value(), command.title(), names(command.authors()),
                command.category().name(), command.price(), command.lendableCopies(), command.stock()));
    }

    /** Fields the command leaves null keep their value; a change to nothing new appends nothing. */
    @CommandHandler
    void handle(UpdateBookDetails command) {
        requireNotRetired();
        String newTitle = command.title() != null ? command.title() : title;
        List<String> newAuthors = command.authors() != null ? names(command.authors()) : authors;
        String newCategory = command.category() != null ? command.category().name() : category;
        BigDecimal newPrice = command.price() != null ? command.price() : price;
        boolean unchanged = newTitle.equals(title) && newAuthors.equals(authors) && newCategory.equals(category)
                && newPrice.compareTo(price) == 0;
        if (!unchanged) {
            apply(new BookDetailsUpdated(bookId, newTitle, newAuthors, newCategory, newPrice));
        }
    }

    @CommandHandler
    int handle(AddLendableCopies command) {
        requireNotRetired();
        if ((long) lendableCopies + command.count() > MAX_LENDABLE_COPIES) {
            throw new DomainException("TOO_MANY_COPIES", "count", "a book may have at most " + MAX_LENDABLE_COPIES
                    + " lendable copies; it has " + lendableCopies);
        }
        apply(new LendableCopiesAdded(bookId, command.count(), lendableCopies + command.count()));
        return lendableCopies;
    }

    @CommandHandler
    int handle(RestockBook command) {
        requireNotRetired();
        if ((long) stock + command.quantity() > MAX_STOCK) {
            throw new DomainException("TOO_MUCH_STOCK", "quantity", "a book may have at most " + MAX_STOCK
                    + " copies received for sale; it has " + stock);
        }
        apply(new BookRestocked(bookId, command.quantity(), stock + command.quantity()));
        return stock;
    }

    @CommandHandler
    void handle(RetireBook command) {
        requireNotRetired();
        apply(new BookRetired(bookId));
    }

    private void requireNotRetired() {
        if (retired) {
            throw new DomainException("BOOK_RETIRED", "book " + bookId + " is retired and can no longer change");
        }
    }

    private static List<String> names(List<Author> authors) {
        return authors.stream().map(Author::name).toList();
    }

    @EventSourcingHandler
    void on(BookRegistered event) {
        bookId = event.bookId();
        title = event.title();
        authors = List.copyOf(event.authors());
        category = event.category();
        price = event.price();
        lendableCopies = event.lendableCopies();
        stock = event.stock();
    }

    @EventSourcingHandler
    void on(BookDetailsUpdated event) {
        title = event.title();
        authors = List.copyOf(event.authors());
        category = event.category();
        price = event.price();
    }

    @EventSourcingHandler
    void on(LendableCopiesAdded event) {
        lendableCopies = event.lendableCopies();
    }

    @EventSourcingHandler
    void on(BookRestocked event) {
        stock = event.stock();
    }

    @EventSourcingHandler
    void on(BookRetired event) {
        retired = true;
    }

    @Override
    public String toString() {
        return "Book[" + bookId + ", " + Objects.toString(title) + (retired ? ", retired]" : "]");
    }
}
