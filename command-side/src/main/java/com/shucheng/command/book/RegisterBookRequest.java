package com.shucheng.command.book;

import com.shucheng.events.book.Author;
import com.shucheng.events.book.Category;
import com.shucheng.events.book.Isbn;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.UUID;

record RegisterBookRequest(
        @NotBlank @ValidIsbn String isbn,
        @NotBlank @Size(max = 300) @Pattern(regexp = NO_CONTROL_CHARS, message = CONTROL_CHARS_MESSAGE) String title,
        @NotNull @ValidAuthors List<String> authors,
        @NotNull @ValidCategory String category,
        @NotNull @DecimalMin("0.00") @DecimalMax(MAX_PRICE) @Digits(integer = 7, fraction = 2) BigDecimal price,
        @NotNull @PositiveOrZero @Max(Book.MAX_LENDABLE_COPIES) Integer lendableCopies,
        @NotNull @PositiveOrZero @Max(Book.MAX_STOCK) Integer stock) {

    static final String NO_CONTROL_CHARS = "[^\\p{Cntrl}]*";
    static final String CONTROL_CHARS_MESSAGE = "must not contain control characters";
    static final String MAX_PRICE = "1000000.00";

    RegisterBook toCommand(UUID bookId) {
        return new RegisterBook(bookId, Isbn.parse(isbn).orElseThrow(), title(title), authors(authors),
                Category.parse(category).orElseThrow(), price, lendableCopies, stock);
    }

    static String title(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    }

    static List<Author> authors(List<String> raw) {
        return raw.stream().map(name -> Author.parse(name).orElseThrow()).toList();
    }
}
