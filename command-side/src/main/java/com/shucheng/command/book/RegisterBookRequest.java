package com.shucheng.command.book;

import com.shucheng.events.book.Isbn;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

record RegisterBookRequest(
        @NotBlank @ValidIsbn String isbn,
        @NotBlank @Size(max = 300) @Pattern(regexp = NO_CONTROL_CHARS, message = CONTROL_CHARS_MESSAGE) String title,
        @NotEmpty @Size(max = 20)
        List<@NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL_CHARS, message = CONTROL_CHARS_MESSAGE) String> authors,
        @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL_CHARS, message = CONTROL_CHARS_MESSAGE) String category,
        @NotNull @DecimalMin("0.00") @DecimalMax("1000000.00") @Digits(integer = 7, fraction = 2) BigDecimal price,
        @NotNull @PositiveOrZero @Max(10_000) Integer lendableCopies,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer stock) {

    static final String NO_CONTROL_CHARS = "[^\\p{Cntrl}]*";
    static final String CONTROL_CHARS_MESSAGE = "must not contain control characters";

    RegisterBook toCommand(UUID bookId) {
        return new RegisterBook(bookId, Isbn.parse(isbn).orElseThrow(), title.strip(),
                authors.stream().map(String::strip).toList(), category.strip(), price, lendableCopies, stock);
    }
}
