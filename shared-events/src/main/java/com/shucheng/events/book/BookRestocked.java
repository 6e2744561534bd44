package com.shucheng.events.book;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Copies for sale arrived.
 *
 * @param bookId   the book
 * @param quantity copies received by this event, at least one
 * @param stock    copies received for sale over the book's whole life after this event (a running
 *                 total; what is still sellable is this minus what orders took)
 */
@Revision("1")
public record BookRestocked(UUID bookId, int quantity, int stock) implements BookEvent {
}
