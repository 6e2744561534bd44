package com.shucheng.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shucheng.events.book.BookDetailsUpdated;
import com.shucheng.events.book.BookRegistered;
import com.shucheng.events.book.BookRestocked;
import com.shucheng.events.book.BookRetired;
import com.shucheng.events.book.LendableCopiesAdded;
import com.shucheng.query.CommandSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog projection's handlers called directly against the real tables: every event handled a
 * second time (a retried batch, a replay over kept rows) leaves the row and the tallies as the first
 * time did. Books here exist only in the read model, under a category of their own, and are removed
 * afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogProjectionIT {

    @Autowired
    CatalogProjection projection;
    @Autowired
    JdbcClient db;
    String category;
    String other;
    UUID bookId = UUID.randomUUID();
    Instant at = Instant.parse("2026-03-01T08:00:00Z");

    @BeforeEach
    void setUp() {
        String tag = CommandSide.uniqueSuffix();
        category = "投影" + tag;
        other = "投影另" + tag;
    }

    @AfterEach
    void cleanUp() {
        db.sql("delete from query.book where book_id = ?").param(bookId).update();
        for (String name : List.of(category, other)) {
            db.sql("delete from query.book_tally where category = ?").param(name).update();
            db.sql("delete from query.book_price_tally where category = ?").param(name).update();
        }
    }

    @Test
    void registering_twice_counts_the_book_once() {
        BookRegistered registered = registered(0, 0);
        projection.on(registered, at);
        projection.on(registered, at);

        assertThat(tallies()).isEqualTo(Map.of(category + "/false", 1L));
        assertThat(priceTallies()).isEqualTo(Map.of(category + "/false/12", 1L));
    }

    @Test
    void new_copies_leave_the_copies_on_loan_out_and_are_safe_to_repeat() {
        projection.on(registered(2, 0), at);
        // One copy on loan (lending comes later; the row is set as a loan would leave it).
        db.sql("update query.book set available_copies = 1 where book_id = ?").param(bookId).update();

        LendableCopiesAdded added = new LendableCopiesAdded(bookId, 3, 5);
        projection.on(added, at);
        projection.on(added, at);

        assertThat(column("lendable_copies")).isEqualTo(5);
        assertThat(column("available_copies")).isEqualTo(4);
        assertThat(tallies()).isEqualTo(Map.of(category + "/true", 1L));
    }

    @Test
    void new_copies_make_a_book_available_in_the_tallies() {
        projection.on(registered(0, 0), at);

        projection.on(new LendableCopiesAdded(bookId, 2, 2), at);

        assertThat(column("available_copies")).isEqualTo(2);
        assertThat(tallies()).isEqualTo(Map.of(category + "/true", 1L));
    }

    @Test
    void restocking_keeps_what_orders_took_and_is_safe_to_repeat() {
        projection.on(registered(0, 4), at);
        // Three sold (orders come later; the row is set as they would leave it).
        db.sql("update query.book set available_stock = 1 where book_id = ?").param(bookId).update();

        BookRestocked restocked = new BookRestocked(bookId, 6, 10);
        projection.on(restocked, at);
        projection.on(restocked, at);

        assertThat(column("stock")).isEqualTo(10);
        assertThat(column("available_stock")).isEqualTo(7);
        assertThat(tallies()).isEqualTo(Map.of(category + "/true", 1L));
    }

    @Test
    void an_update_moves_the_book_between_tallies_once() {
        projection.on(registered(1, 0), at);

        BookDetailsUpdated updated = new BookDetailsUpdated(bookId, "阿Q正传", List.of("鲁迅"), other,
                new BigDecimal("30.50"));
        projection.on(updated, at);
        projection.on(updated, at);

        assertThat(tallies()).isEqualTo(Map.of(other + "/true", 1L));
        assertThat(priceTallies()).isEqualTo(Map.of(other + "/true/30", 1L));
        assertThat(db.sql("select title_sort from query.book where book_id = ?").param(bookId).query(String.class)
                .single()).isEqualTo(TitleSortKey.of("阿Q正传"));
    }

    @Test
    void retiring_twice_uncounts_the_book_once_and_keeps_its_row() {
        projection.on(registered(1, 1), at);

        projection.on(new BookRetired(bookId), at);
        projection.on(new BookRetired(bookId), at);

        assertThat(tallies()).isEmpty();
        assertThat(db.sql("select status from query.book where book_id = ?").param(bookId).query(String.class)
                .single()).isEqualTo("RETIRED");
    }

    @Test
    void changes_to_a_retired_book_do_not_bring_it_back_into_the_tallies() {
        projection.on(registered(0, 0), at);
        projection.on(new BookRetired(bookId), at);

        projection.on(new LendableCopiesAdded(bookId, 1, 1), at);

        assertThat(tallies()).isEmpty();
    }

    private BookRegistered registered(int copies, int stock) {
        return new BookRegistered(bookId, CommandSide.randomIsbn13(), "呐喊", List.of("鲁迅"), category,
                new BigDecimal("12.80"), copies, stock);
    }

    private int column(String name) {
        return db.sql("select " + name + " from query.book where book_id = ?").param(bookId).query(Integer.class).single();
    }

    /** Non-zero counts per bucket (a bucket that drops to zero may keep its row). */
    private Map<String, Long> tallies() {
        return db.sql("select category || '/' || available as bucket, n from query.book_tally where category in (?, ?) and n <> 0")
                .params(category, other)
                .query((row, n) -> Map.entry(row.getString("bucket"), row.getLong("n"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, Long> priceTallies() {
        return db.sql("""
                        select category || '/' || available || '/' || yuan as bucket, n
                        from query.book_price_tally where category in (?, ?) and n <> 0""")
                .params(category, other)
                .query((row, n) -> Map.entry(row.getString("bucket"), row.getLong("n"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
