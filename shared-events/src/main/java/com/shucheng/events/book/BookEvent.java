package com.shucheng.events.book;

import java.util.UUID;

/**
 * Everything that can happen to a book in the catalog. The {@code Book} aggregate on the command side
 * appends these; the query side folds them into its read models.
 */
public sealed interface BookEvent
        permits BookRegistered, BookDetailsUpdated, LendableCopiesAdded, BookRestocked, BookRetired {

    /** The book the event belongs to; also the aggregate identifier in the event store. */
    UUID bookId();
}
