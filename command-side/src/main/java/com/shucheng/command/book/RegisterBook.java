package com.shucheng.command.book;

import com.shucheng.events.book.Author;
import com.shucheng.events.book.Category;
import com.shucheng.events.book.Isbn;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record RegisterBook(
        @TargetAggregateIdentifier UUID bookId,
        Isbn isbn,
        String title,
        List<Author> authors,
        Category category,
        BigDecimal price,
        int lendableCopies,
        int stock) {
}
