package com.shucheng.query.catalog;

import com.shucheng.events.book.BookDetailsUpdated;
import com.shucheng.events.book.BookRegistered;
import com.shucheng.events.book.BookRestocked;
import com.shucheng.events.book.BookRetired;
import com.shucheng.events.book.LendableCopiesAdded;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds book events into {@code query.book} (details and listings) and the listing totals
 * {@code query.book_tally} and {@code query.book_price_tally}. The tracking processor runs each batch
 * and its token update in one transaction on the same DataSource, so the table, the tallies and the
 * token move together.
 *
 * <p>Every handler is safe to run twice on the state it produced: values are set from the events'
 * running totals, never incremented, and the tallies change by the difference between the row's
 * buckets before and after the write (nothing when the row did not change).
 *
 * <p>Tally changes are summed over the batch and written once, just before it commits: a few dozen
 * tally rows take every registration, and one update per event would leave a dead row version per
 * event (100 per batch on a single row) for vacuum to clean and for every later lookup to step over.
 */
@Component
@ProcessingGroup(CatalogProjection.GROUP)
class CatalogProjection {

    static final String GROUP = "catalog";
    private static final String PENDING = CatalogProjection.class.getName() + ".tally";

    /**
     * Wraps one write of a book row (which must end in {@code returning category, available, status,
     * price}) and answers the tally changes it causes: -1 for the row's bucket before, +1 for its bucket
     * after, only while ACTIVE. All CTEs see the same snapshot, so {@code old} is the row as it was
     * before {@code new} changed it.
     *
     * <p>{@code old} is {@code materialized} so that its lookup is by primary key and nothing else.
     * Inlined, it would carry the outer {@code status = 'ACTIVE'} into the scan, which makes every
     * partial listing index a candidate; a generic plan cached while the table was small (nothing
     * re-plans it until the table is analysed) then walked a whole listing index per event,
     * 6 ms each at 70k books.
     */
    private static final String WITH_TALLY = """
            with old as materialized (
                select category, available, status, price from query.book where book_id = :bookId
            ), new as (
                %s
            )
            select category, available, floor(price)::integer as yuan, -1 as d from old where status = 'ACTIVE'
            union all
            select category, available, floor(price)::integer, 1 from new where status = 'ACTIVE'
            """;

    private static final String ADD_TO_TALLIES = """
            with d as (
                select * from unnest(cast(:categories as text[]), cast(:available as boolean[]),
                                     cast(:yuan as integer[]), cast(:n as bigint[])) as d(category, available, yuan, n)
            ), by_category as (
                insert into query.book_tally as t (category, available, n)
                select category, available, sum(n) from d
                group by category, available having sum(n) <> 0
                on conflict (category, available) do update set n = t.n + excluded.n
            )
            insert into query.book_price_tally as t (category, available, yuan, n)
            select category, available, yuan, n from d
            on conflict (category, available, yuan) do update set n = t.n + excluded.n
            """;

    /** One tally bucket: a category, whether its books are available, and a whole-yuan price. */
    private record Bucket(String category, boolean available, int yuan) {
    }

    private final JdbcClient db;

    CatalogProjection(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(BookRegistered event, @Timestamp Instant occurredAt) {
        write(event.bookId(), """
                insert into query.book (book_id, isbn, title, title_sort, authors, category, price, lendable_copies,
                                        available_copies, stock, available_stock, status, registered_at, updated_at)
                values (:bookId, :isbn, :title, :titleSort, :authors, :category, :price, :copies, :copies, :stock,
                        :stock, 'ACTIVE', :at, :at)
                on conflict (book_id) do update set
                    isbn = excluded.isbn, title = excluded.title, title_sort = excluded.title_sort,
                    authors = excluded.authors, category = excluded.category, price = excluded.price,
                    lendable_copies = excluded.lendable_copies, available_copies = excluded.available_copies,
                    stock = excluded.stock, available_stock = excluded.available_stock,
                    status = excluded.status, registered_at = excluded.registered_at, updated_at = excluded.updated_at
                returning category, available, status, price""",
                Map.of("isbn", event.isbn(),
                        "title", event.title(),
                        "titleSort", TitleSortKey.of(event.title()),
                        "authors", event.authors().toArray(String[]::new),
                        "category", event.category(),
                        "price", event.price(),
                        "copies", event.lendableCopies(),
                        "stock", event.stock(),
                        "at", java.sql.Timestamp.from(occurredAt)));
    }

    @EventHandler
    void on(BookDetailsUpdated event, @Timestamp Instant occurredAt) {
        write(event.bookId(), """
                update query.book set title = :title, title_sort = :titleSort, authors = :authors,
                                      category = :category, price = :price, updated_at = :at
                where book_id = :bookId
                returning category, available, status, price""",
                Map.of("title", event.title(),
                        "titleSort", TitleSortKey.of(event.title()),
                        "authors", event.authors().toArray(String[]::new),
                        "category", event.category(),
                        "price", event.price(),
                        "at", java.sql.Timestamp.from(occurredAt)));
    }

    /**
     * Copies on loan are {@code lendable - available} before the event; they stay on loan, so the new
     * available count is the new total minus them. Applied twice, the second run finds the same
     * loans and sets the same value.
     */
    @EventHandler
    void on(LendableCopiesAdded event, @Timestamp Instant occurredAt) {
        write(event.bookId(), """
                update query.book set lendable_copies = :total,
                                      available_copies = :total - (lendable_copies - available_copies),
                                      updated_at = :at
                where book_id = :bookId
                returning category, available, status, price""",
                Map.of("total", event.lendableCopies(), "at", java.sql.Timestamp.from(occurredAt)));
    }

    /** As for copies: what orders took ({@code stock - available_stock}) stays taken. */
    @EventHandler
    void on(BookRestocked event, @Timestamp Instant occurredAt) {
        write(event.bookId(), """
                update query.book set stock = :total,
                                      available_stock = :total - (stock - available_stock),
                                      updated_at = :at
                where book_id = :bookId
                returning category, available, status, price""",
                Map.of("total", event.stock(), "at", java.sql.Timestamp.from(occurredAt)));
    }

    /** The row stays so that GET /api/books/{id} still answers; listings and tallies drop it. */
    @EventHandler
    void on(BookRetired event, @Timestamp Instant occurredAt) {
        write(event.bookId(), """
                update query.book set status = 'RETIRED', updated_at = :at
                where book_id = :bookId
                returning category, available, status, price""",
                Map.of("at", java.sql.Timestamp.from(occurredAt)));
    }

    @ResetHandler
    void reset() {
        db.sql("truncate query.book, query.book_tally, query.book_price_tally").update();
    }

    private void write(UUID bookId, String statement, Map<String, ?> params) {
        List<Map.Entry<Bucket, Long>> changes = db.sql(WITH_TALLY.formatted(statement))
                .param("bookId", bookId)
                .params(params)
                .query((row, n) -> Map.entry(
                        new Bucket(row.getString("category"), row.getBoolean("available"), row.getInt("yuan")),
                        row.getLong("d")))
                .list();
        if (changes.isEmpty()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            addToTallies(sum(changes, new HashMap<>()));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<Bucket, Long> pending = batch.getOrComputeResource(PENDING, key -> {
            Map<Bucket, Long> sums = new HashMap<>();
            batch.onPrepareCommit(unitOfWork -> addToTallies(sums));
            return sums;
        });
        sum(changes, pending);
    }

    private static Map<Bucket, Long> sum(List<Map.Entry<Bucket, Long>> changes, Map<Bucket, Long> into) {
        changes.forEach(change -> into.merge(change.getKey(), change.getValue(), Long::sum));
        return into;
    }

    private void addToTallies(Map<Bucket, Long> sums) {
        List<Map.Entry<Bucket, Long>> changed = sums.entrySet().stream().filter(e -> e.getValue() != 0).toList();
        if (changed.isEmpty()) {
            return;
        }
        db.sql(ADD_TO_TALLIES)
                .param("categories", changed.stream().map(e -> e.getKey().category()).toArray(String[]::new))
                .param("available", changed.stream().map(e -> e.getKey().available()).toArray(Boolean[]::new))
                .param("yuan", changed.stream().map(e -> e.getKey().yuan()).toArray(Integer[]::new))
                .param("n", changed.stream().map(Map.Entry::getValue).toArray(Long[]::new))
                .update();
    }
}
