package com.shucheng.command.book;

import com.shucheng.command.system.DomainException;
import com.shucheng.events.book.BookRegistered;
import com.shucheng.events.book.Isbn;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookTest {

    private final Set<Isbn> claimed = new HashSet<>();
    private AggregateTestFixture<Book> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Book.class);
        // Stands in for the isbn_claim table; the real claims are exercised in RegisterBookIT.
        fixture.registerInjectableResource((IsbnClaims) (isbn, bookId) -> {
            if (!claimed.add(isbn)) {
                throw new DomainException("DUPLICATE_ISBN", "isbn", "taken");
            }
        });
    }

    @Test
    void registering_a_book_records_it_with_its_normalised_isbn() {
        UUID bookId = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new RegisterBook(bookId, Isbn.parse("7-02-000870-4").orElseThrow(), "三国演义", List.of("罗贯中"),
                        "古典小说", new BigDecimal("39.50"), 3, 10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookRegistered(bookId, "9787020008704", "三国演义", List.of("罗贯中"), "古典小说",
                        new BigDecimal("39.50"), 3, 10));
    }

    @Test
    void registering_an_isbn_that_another_book_holds_is_rejected() {
        Isbn isbn = Isbn.parse("9787020008704").orElseThrow();
        claimed.add(isbn);
        fixture.givenNoPriorActivity()
                .when(new RegisterBook(UUID.randomUUID(), isbn, "三国演义", List.of("罗贯中"), "古典小说",
                        new BigDecimal("39.50"), 3, 10))
                .expectException(DomainException.class)
                .expectExceptionMessage("taken")
                .expectNoEvents();
    }
}
