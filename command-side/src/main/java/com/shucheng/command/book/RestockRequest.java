package com.shucheng.command.book;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/books/{id}/stock}: how many copies for sale arrived. */
record RestockRequest(@NotNull @Min(1) @Max(Book.MAX_STOCK) Integer quantity) {
}
