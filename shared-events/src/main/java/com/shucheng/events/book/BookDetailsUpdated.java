package com.shucheng.events.book;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An operator corrected or changed a book's descriptive details. The event carries the complete
 * details as they are after the change (not only the fields sent), so a read model can set them
 * without knowing what came before.
 *
 * @param bookId   the book
 * @param title    title after the change
 * @param authors  author names in credit order after the change, at least one
 * @param category the shelf after the change
 * @param price    sale price in CNY after the change, two decimals at most
 */
@Revision("1")
public record BookDetailsUpdated(
        UUID bookId,
        String title,
        List<String> authors,
        String category,
        BigDecimal price) implements BookEvent {
}
