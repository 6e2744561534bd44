package com.shucheng.command.book;

import com.shucheng.events.book.Author;
import com.shucheng.events.book.Category;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the fields that are not null; at least one is set. */
record UpdateBookDetails(
        @TargetAggregateIdentifier UUID bookId,
        String title,
        List<Author> authors,
        Category category,
        BigDecimal price) {
}
