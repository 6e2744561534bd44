package com.shucheng.command.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.shucheng.command.system.DomainException;
import com.shucheng.events.book.Author;
import com.shucheng.events.book.BookDetailsUpdated;
import com.shucheng.events.book.BookRegistered;
import com.shucheng.events.book.BookRestocked;
import com.shucheng.events.book.BookRetired;
import com.shucheng.events.book.Category;
import com.shucheng.events.book.Isbn;
import com.shucheng.events.book.LendableCopiesAdded;
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
    private final UUID bookId = UUID.randomUUID();
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

    private BookRegistered sanguo() {
        return new BookRegistered(bookId, "9787020008704", "三国演义", List.of("罗贯中"), "古典小说",
                new BigDecimal("39.50"), 3, 10);
    }

    private static List<Author> authors(String... names) {
        return java.util.Arrays.stream(names).map(name -> Author.parse(name).orElseThrow()).toList();
    }

    @Test
    void registering_a_book_records_it_with_its_normalised_isbn() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBook(bookId, Isbn.parse("7-02-000870-4").orElseThrow(), "三国演义", authors("罗贯中"),
                        new Category("古典小说"), new BigDecimal("39.50"), 3, 10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(sanguo());
    }

    @Test
    void registering_an_isbn_that_another_book_holds_is_rejected() {
        Isbn isbn = Isbn.parse("9787020008704").orElseThrow();
        claimed.add(isbn);
        fixture.givenNoPriorActivity()
                .when(new RegisterBook(bookId, isbn, "三国演义", authors("罗贯中"), new Category("古典小说"),
                        new BigDecimal("39.50"), 3, 10))
                .expectException(DomainException.class)
                .expectExceptionMessage("taken")
                .expectNoEvents();
    }

    @Test
    void updating_details_records_the_complete_details_after_the_change() {
        fixture.given(sanguo())
                .when(new UpdateBookDetails(bookId, null, authors("罗贯中", "毛宗岗"), null, new BigDecimal("42.00")))
                .expectEvents(new BookDetailsUpdated(bookId, "三国演义", List.of("罗贯中", "毛宗岗"), "古典小说",
                        new BigDecimal("42.00")));
    }

    @Test
    void updating_details_to_what_they_already_are_records_nothing() {
        fixture.given(sanguo())
                .when(new UpdateBookDetails(bookId, "三国演义", null, new Category("古典小说"), new BigDecimal("39.5")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_second_update_builds_on_the_first() {
        fixture.given(sanguo(), new BookDetailsUpdated(bookId, "三国志通俗演义", List.of("罗贯中"), "古典小说",
                        new BigDecimal("39.50")))
                .when(new UpdateBookDetails(bookId, null, null, new Category("历史小说"), null))
                .expectEvents(new BookDetailsUpdated(bookId, "三国志通俗演义", List.of("罗贯中"), "历史小说",
                        new BigDecimal("39.50")));
    }

    @Test
    void adding_copies_records_the_new_total() {
        fixture.given(sanguo(), new LendableCopiesAdded(bookId, 2, 5))
                .when(new AddLendableCopies(bookId, 4))
                .expectEvents(new LendableCopiesAdded(bookId, 4, 9))
                .expectResultMessagePayload(9);
    }

    @Test
    void adding_copies_beyond_the_limit_is_rejected() {
        fixture.given(new BookRegistered(bookId, "9787020008704", "三国演义", List.of("罗贯中"), "古典小说",
                        new BigDecimal("39.50"), Book.MAX_LENDABLE_COPIES - 1, 0))
                .when(new AddLendableCopies(bookId, 2))
                .expectException(withCode("TOO_MANY_COPIES"))
                .expectExceptionMessage("a book may have at most " + Book.MAX_LENDABLE_COPIES
                        + " lendable copies; it has " + (Book.MAX_LENDABLE_COPIES - 1))
                .expectNoEvents();
    }

    @Test
    void restocking_records_the_new_total_received() {
        fixture.given(sanguo())
                .when(new RestockBook(bookId, 25))
                .expectEvents(new BookRestocked(bookId, 25, 35))
                .expectResultMessagePayload(35);
    }

    @Test
    void restocking_beyond_the_limit_is_rejected() {
        fixture.given(new BookRegistered(bookId, "9787020008704", "三国演义", List.of("罗贯中"), "古典小说",
                        new BigDecimal("39.50"), 0, Book.MAX_STOCK))
                .when(new RestockBook(bookId, 1))
                .expectException(withCode("TOO_MUCH_STOCK"))
                .expectNoEvents();
    }

    @Test
    void retiring_a_book_records_it() {
        fixture.given(sanguo())
                .when(new RetireBook(bookId))
                .expectEvents(new BookRetired(bookId));
    }

    @Test
    void retiring_a_retired_book_is_rejected() {
        assertRejectedAsRetired(new RetireBook(bookId));
    }

    @Test
    void updating_a_retired_book_is_rejected() {
        assertRejectedAsRetired(new UpdateBookDetails(bookId, "新题", null, null, null));
    }

    @Test
    void adding_copies_to_a_retired_book_is_rejected() {
        assertRejectedAsRetired(new AddLendableCopies(bookId, 1));
    }

    @Test
    void restocking_a_retired_book_is_rejected() {
        assertRejectedAsRetired(new RestockBook(bookId, 1));
    }

    private void assertRejectedAsRetired(Object command) {
        fixture.given(sanguo(), new BookRetired(bookId))
                .when(command)
                .expectException(DomainException.class)
                .expectNoEvents()
                .expectExceptionMessage("book " + bookId + " is retired and can no longer change")
                .expectException(withCode("BOOK_RETIRED"));
    }

    private static org.hamcrest.Matcher<DomainException> withCode(String code) {
        return new org.hamcrest.FeatureMatcher<>(org.hamcrest.Matchers.is(code), "a domain exception with code", "code") {
            @Override
            protected String featureValueOf(DomainException actual) {
                return actual.code();
            }
        };
    }

    @Test
    void a_book_that_was_never_registered_cannot_be_changed() {
        fixture.givenNoPriorActivity()
                .when(new RestockBook(bookId, 1))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void author_and_category_names_are_normalised_and_checked() {
        assertThat(Author.parse("  列夫·托尔斯泰 ").orElseThrow().name()).isEqualTo("列夫·托尔斯泰");
        assertThat(Author.problem("<script>")).contains("only letters");
        assertThat(Category.parse("Science  Fiction").orElseThrow().name()).isEqualTo("Science Fiction");
        assertThat(Category.problem("小说/长篇")).contains("only letters");
        assertThat(Category.problem("x".repeat(41))).contains("at most 40");
    }
}
