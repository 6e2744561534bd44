package com.shucheng.command.book;

import static com.shucheng.command.book.RegisterBookRequest.CONTROL_CHARS_MESSAGE;
import static com.shucheng.command.book.RegisterBookRequest.MAX_PRICE;
import static com.shucheng.command.book.RegisterBookRequest.NO_CONTROL_CHARS;

import com.shucheng.command.system.DomainException;
import com.shucheng.events.book.Category;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@code PATCH /api/books/{id}}: the fields to change; absent or null ones stay as they are. */
record UpdateBookRequest(
        @Size(min = 1, max = 300) @Pattern(regexp = NO_CONTROL_CHARS, message = CONTROL_CHARS_MESSAGE) String title,
        @ValidAuthors List<String> authors,
        @ValidCategory String category,
        @DecimalMin("0.00") @DecimalMax(MAX_PRICE) @Digits(integer = 7, fraction = 2) BigDecimal price) {

    UpdateBookDetails toCommand(UUID bookId) {
        if (title == null && authors == null && category == null && price == null) {
            throw new DomainException("VALIDATION_FAILED", "give at least one of title, authors, category, price");
        }
        if (title != null && title.isBlank()) {
            throw new DomainException("VALIDATION_FAILED", "title", "must not be blank");
        }
        return new UpdateBookDetails(bookId,
                title == null ? null : RegisterBookRequest.title(title),
                authors == null ? null : RegisterBookRequest.authors(authors),
                category == null ? null : Category.parse(category).orElseThrow(),
                price);
    }
}
