package com.shucheng.query.authors;

import com.shucheng.events.book.BookDetailsUpdated;
import com.shucheng.events.book.BookRegistered;
import com.shucheng.events.book.BookRetired;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts ACTIVE books per author. {@code query.author_book} remembers which active book credits which
 * author, so every handler works on the difference between that and the event: handled twice, the
 * second run finds nothing to change. An author whose count reaches zero disappears.
 *
 * <p>Count changes are summed over the batch and written once per author just before the batch
 * commits (same transaction as the token): a prolific author's row would otherwise get a new version
 * per event, and every version a new entry in {@code author_by_books}.
 */
@Component
@ProcessingGroup(AuthorsProjection.GROUP)
class AuthorsProjection {

    static final String GROUP = "authors";
    private static final String PENDING = AuthorsProjection.class.getName() + ".counts";

    private final JdbcClient db;

    AuthorsProjection(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(BookRegistered event) {
        credit(event.bookId(), new LinkedHashSet<>(event.authors()));
    }

    /**
     * A book without credits is retired (every registration credits at least one author), and a
     * retired book is never counted again.
     */
    @EventHandler
    void on(BookDetailsUpdated event) {
        Set<String> current = credits(event.bookId());
        if (current.isEmpty()) {
            return;
        }
        Set<String> wanted = new LinkedHashSet<>(event.authors());
        Set<String> dropped = new LinkedHashSet<>(current);
        dropped.removeAll(wanted);
        Set<String> added = new LinkedHashSet<>(wanted);
        added.removeAll(current);
        uncredit(event.bookId(), dropped);
        credit(event.bookId(), added);
    }

    @EventHandler
    void on(BookRetired event) {
        uncredit(event.bookId(), credits(event.bookId()));
    }

    @ResetHandler
    void reset() {
        db.sql("truncate query.author_book, query.author").update();
    }

    private Set<String> credits(UUID bookId) {
        return new LinkedHashSet<>(db.sql("select author from query.author_book where book_id = ?")
                .param(bookId).query(String.class).list());
    }

    /** Counts only the credits that were not there yet. */
    private void credit(UUID bookId, Set<String> authors) {
        if (authors.isEmpty()) {
            return;
        }
        List<String> added = db.sql("""
                        insert into query.author_book (book_id, author)
                        select :bookId, unnest(cast(:authors as text[]))
                        on conflict do nothing
                        returning author""")
                .param("bookId", bookId)
                .param("authors", authors.toArray(String[]::new))
                .query(String.class).list();
        count(added, 1);
    }

    /** Counts down only the credits that were there. */
    private void uncredit(UUID bookId, Set<String> authors) {
        if (authors.isEmpty()) {
            return;
        }
        List<String> removed = db.sql("""
                        delete from query.author_book where book_id = :bookId and author = any(cast(:authors as text[]))
                        returning author""")
                .param("bookId", bookId)
                .param("authors", authors.toArray(String[]::new))
                .query(String.class).list();
        count(removed, -1);
    }

    private void count(List<String> authors, int change) {
        if (authors.isEmpty()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            Map<String, Integer> changes = new HashMap<>();
            authors.forEach(author -> changes.merge(author, change, Integer::sum));
            write(changes);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Integer> pending = batch.getOrComputeResource(PENDING, key -> {
            Map<String, Integer> sums = new HashMap<>();
            batch.onPrepareCommit(unitOfWork -> write(sums));
            return sums;
        });
        authors.forEach(author -> pending.merge(author, change, Integer::sum));
    }

    /** The table holds only counts above zero, so an author whose last book goes is deleted, not set to 0. */
    private void write(Map<String, Integer> changes) {
        String[] gained = names(changes, 1);
        if (gained.length > 0) {
            db.sql("""
                    insert into query.author as a (name, books)
                    select * from unnest(cast(:names as text[]), cast(:counts as integer[]))
                    on conflict (name) do update set books = a.books + excluded.books""")
                    .param("names", gained)
                    .param("counts", counts(changes, gained))
                    .update();
        }
        String[] lost = names(changes, -1);
        if (lost.length > 0) {
            Integer[] losses = counts(changes, lost);
            db.sql("""
                    delete from query.author a
                    using unnest(cast(:names as text[]), cast(:losses as integer[])) as d(name, loss)
                    where a.name = d.name and a.books + d.loss <= 0""")
                    .param("names", lost).param("losses", losses).update();
            db.sql("""
                    update query.author a set books = a.books + d.loss
                    from unnest(cast(:names as text[]), cast(:losses as integer[])) as d(name, loss)
                    where a.name = d.name""")
                    .param("names", lost).param("losses", losses).update();
        }
    }

    private static String[] names(Map<String, Integer> changes, int sign) {
        return changes.entrySet().stream()
                .filter(e -> Integer.signum(e.getValue()) == sign)
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
    }

    private static Integer[] counts(Map<String, Integer> changes, String[] names) {
        Integer[] counts = new Integer[names.length];
        for (int i = 0; i < names.length; i++) {
            counts[i] = changes.get(names[i]);
        }
        return counts;
    }
}
