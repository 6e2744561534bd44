package com.shucheng.events.book;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The library put more copies of a book on its lending shelves.
 *
 * @param bookId         the book
 * @param added          copies added by this event, at least one
 * @param lendableCopies copies the library owns for lending after this event (a running total, so
 *                       a read model can set it instead of adding and stay right on replay)
 */
@Revision("1")
public record LendableCopiesAdded(UUID bookId, int added, int lendableCopies) implements BookEvent {
}
