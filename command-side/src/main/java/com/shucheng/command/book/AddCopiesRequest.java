package com.shucheng.command.book;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/books/{id}/copies}: how many lendable copies arrived. */
record AddCopiesRequest(@NotNull @Min(1) @Max(Book.MAX_LENDABLE_COPIES) Integer count) {
}
