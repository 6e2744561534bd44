package com.shucheng.query.booksearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.shucheng.events.book.BookRegistered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the book events. Writes of one tracking batch go to
 * Elasticsearch as a single bulk request just before the batch's token is stored; if the bulk
 * fails, the token does not move and the batch is handled again. Documents are keyed by book id, so
 * doing a batch twice leaves the same index.
 */
@Component
@ProcessingGroup(BookSearchProjection.GROUP)
class BookSearchProjection {

    static final String GROUP = "book-search";
    private static final String PENDING = BookSearchProjection.class.getName() + ".pending";

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

    /** A replay from the start refills the index, so it starts empty. */
    @ResetHandler
    void reset() throws IOException {
        index.ensureExists();
        client.deleteByQuery(d -> d.index(index.alias()).query(q -> q.matchAll(m -> m)).refresh(true));
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
            BulkResponse response = client.bulk(b -> b.index(index.alias()).operations(operations));
            if (response.errors()) {
                String reason = response.items().stream()
                        .filter(item -> item.error() != null)
                        .map(item -> item.id() + ": " + item.error().reason())
                        .findFirst().orElse("unknown");
                throw new IllegalStateException("Elasticsearch refused part of a bulk write, e.g. " + reason);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
