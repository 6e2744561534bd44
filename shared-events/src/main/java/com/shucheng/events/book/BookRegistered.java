package com.shucheng.events.book;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A book entered the catalog.
 *
 * @param bookId         identity of the book, chosen by the command side
 * @param isbn           ISBN-13, digits only, checksum already verified (see {@link Isbn})
 * @param title          title as the operator typed it (trimmed)
 * @param authors        author names in credit order, at least one
 * @param category       the shelf the book belongs to
 * @param price          sale price in CNY, two decimals at most
 * @param lendableCopies copies the library may lend out
 * @param stock          copies for sale
 */
@Revision("1")
public record BookRegistered(
        UUID bookId,
        String isbn,
        String title,
        List<String> authors,
        String category,
        BigDecimal price,
        int lendableCopies,
        int stock) implements BookEvent {
}
