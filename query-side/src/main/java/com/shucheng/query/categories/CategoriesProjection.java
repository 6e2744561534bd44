package com.shucheng.query.categories;

import com.shucheng.events.book.BookDetailsUpdated;
import com.shucheng.events.book.BookRegistered;
import com.shucheng.events.book.BookRetired;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts ACTIVE books per category. {@code query.category_book} remembers each active book's category,
 * so a handler moves a count only when the stored category differs from the event's: handled twice,
 * the second run finds nothing to change. A category whose count reaches zero disappears.
 *
 * <p>Count changes are summed over the batch and written once per category just before the batch
 * commits (same transaction as the token): a handful of category rows take every registration, and
 * one update per event would give each of them a new row version and index entry per event.
 */
@Component
@ProcessingGroup(CategoriesProjection.GROUP)
class CategoriesProjection {

    static final String GROUP = "categories";
    private static final String PENDING = CategoriesProjection.class.getName() + ".counts";

    private final JdbcClient db;

    CategoriesProjection(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(BookRegistered event) {
        int added = db.sql("insert into query.category_book (book_id, category) values (?, ?) on conflict do nothing")
                .params(event.bookId(), event.category())
                .update();
        if (added == 1) {
            count(event.category(), 1);
        }
    }

    /** A book without a row is retired, and a retired book is never counted again. */
    @EventHandler
    void on(BookDetailsUpdated event) {
        db.sql("select category from query.category_book where book_id = ?").param(event.bookId())
                .query(String.class).optional()
                .filter(current -> !current.equals(event.category()))
                .ifPresent(current -> {
                    db.sql("update query.category_book set category = ? where book_id = ?")
                            .params(event.category(), event.bookId()).update();
                    count(current, -1);
                    count(event.category(), 1);
                });
    }

    @EventHandler
    void on(BookRetired event) {
        db.sql("delete from query.category_book where book_id = ? returning category").param(event.bookId())
                .query(String.class).optional()
                .ifPresent(category -> count(category, -1));
    }

    @ResetHandler
    void reset() {
        db.sql("truncate query.category_book, query.category").update();
    }

    private void count(String category, int change) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(Map.of(category, change));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(PENDING, key -> {
            Map<String, Integer> sums = new HashMap<>();
            batch.onPrepareCommit(unitOfWork -> write(sums));
            return sums;
        }).merge(category, change, Integer::sum);
    }

    /** The table holds only counts above zero, so a category whose last book goes is deleted, not set to 0. */
    private void write(Map<String, Integer> changes) {
        changes.forEach((category, change) -> {
            if (change > 0) {
                db.sql("""
                        insert into query.category as c (name, books) values (?, ?)
                        on conflict (name) do update set books = c.books + excluded.books""")
                        .params(category, change).update();
            } else if (change < 0) {
                int deleted = db.sql("delete from query.category where name = ? and books + ? <= 0")
                        .params(category, change).update();
                if (deleted == 0) {
                    db.sql("update query.category set books = books + ? where name = ?").params(change, category).update();
                }
            }
        });
    }
}
