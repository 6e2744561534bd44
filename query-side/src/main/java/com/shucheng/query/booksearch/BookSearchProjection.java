package com.shucheng.query.booksearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import com.shucheng.events.book.BookDetailsUpdated;
import com.shucheng.events.book.BookRegistered;
import com.shucheng.events.book.BookRestocked;
import com.shucheng.events.book.BookRetired;
import com.shucheng.events.book.LendableCopiesAdded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the book events. Writes of one tracking batch go to
 * Elasticsearch as a single bulk request just before the batch's token is stored; if the bulk
 * fails, the token does not move and the batch is handled again. Documents are keyed by book id and
 * changes set values (running totals, details after the change), so doing a batch twice leaves the
 * same index. Operations on one id run in order within the bulk request.
 */
@Component
@ProcessingGroup(BookSearchProjection.GROUP)
class BookSearchProjection {

    static final String GROUP = "book-search";
    private static final String PENDING = BookSearchProjection.class.getName() + ".pending";
    /**
     * A batch this large (the processor's batch size in application.yml) means the processor is
     * catching up on a backlog: it refreshes the index itself rather than waiting for the scheduled
     * refresh, so a rebuild is not throttled to one batch per refresh interval. Smaller batches wait
     * for the scheduled refresh (the index's refresh_interval, 500 ms); meanwhile events pile up into
     * the next batch, so under load each bulk request carries more documents and the index gets at
     * most two new segments a second. Every segment is merged again later, and merging the prefix
     * n-grams is what Elasticsearch spent most of its CPU on when small batches refreshed on their
     * own (docs/benchmarks.md, "What a command costs"). The price is search visibility: a change is
     * found after up to two refresh intervals.
     */
    static final int REFRESH_NOW_FROM = 1000;

    private final ElasticsearchClient client;
    private final BookIndex index;

    BookSearchProjection(ElasticsearchClient client, BookIndex index) {
        this.client = client;
        this.index = index;
        index.ensureExistsQuietly();
    }

    @EventHandler
    void on(BookRegistered event) {
        BookDocument document = new BookDocument(event.bookId().toString(), event.isbn(), event.title(),
                event.authors(), event.category(), event.price(), event.lendableCopies(), event.stock());
        pending().add(BulkOperation.of(op -> op.index(i -> i.id(document.bookId()).document(document))));
    }

    /** A partial update: the analysers re-read the changed fields, the rest of the document stays. */
    @EventHandler
    void on(BookDetailsUpdated event) {
        update(event.bookId(), Map.of("title", event.title(), "authors", event.authors(),
                "category", event.category(), "price", event.price()));
    }

    @EventHandler
    void on(LendableCopiesAdded event) {
        update(event.bookId(), Map.of("lendableCopies", event.lendableCopies()));
    }

    @EventHandler
    void on(BookRestocked event) {
        update(event.bookId(), Map.of("stock", event.stock()));
    }

    /** Retired books are no longer offered, so search stops finding them. */
    @EventHandler
    void on(BookRetired event) {
        pending().add(BulkOperation.of(op -> op.delete(d -> d.id(event.bookId().toString()))));
    }

    /** A replay from the start refills the index, so it starts empty. */
    @ResetHandler
    void reset() throws IOException {
        index.ensureExists();
        client.deleteByQuery(d -> d.index(index.alias()).query(q -> q.matchAll(m -> m)).refresh(true));
    }

    private void update(UUID bookId, Map<String, Object> changes) {
        pending().add(BulkOperation.of(op -> op.update(u -> u.id(bookId.toString()).action(a -> a.doc(changes)))));
    }

    private List<BulkOperation> pending() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            List<BulkOperation> operations = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> flush(operations));
            return operations;
        });
    }

    private void flush(List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        try {
            index.ensureExists();
            // The token is stored only after this returns, and the documents must be searchable by then: a
            // reader holding a Consistency-Token for this batch is let through as soon as the token moves.
            Refresh refresh = operations.size() >= REFRESH_NOW_FROM ? Refresh.True : Refresh.WaitFor;
            BulkResponse response = client.bulk(b -> b.index(index.alias()).refresh(refresh).operations(operations));
            if (response.errors()) {
                response.items().stream()
                        .filter(item -> item.error() != null && !isChangeToRetiredBook(item))
                        .findFirst()
                        .ifPresent(item -> {
                            throw new IllegalStateException("Elasticsearch refused part of a bulk write, e.g. "
                                    + item.id() + ": " + item.error().reason());
                        });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A change to a book whose document is gone (it was retired, which deletes it) has nothing left to
     * change; refusing the batch for it would retry that batch forever.
     */
    private static boolean isChangeToRetiredBook(BulkResponseItem item) {
        return item.operationType() == OperationType.Update && "document_missing_exception".equals(item.error().type());
    }
}
