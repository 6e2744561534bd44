package com.shucheng.events.book;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The book left the catalog: it is no longer listed, lent or sold, and its details can no longer be
 * changed. Its history stays in the event store and its ISBN stays claimed.
 *
 * @param bookId the book
 */
@Revision("1")
public record BookRetired(UUID bookId) implements BookEvent {
}
