package com.shucheng.command.book;

import com.shucheng.command.system.DomainException;
import com.shucheng.command.system.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/books")
class BookController {

    private final CommandGateway commands;

    BookController(CommandGateway commands) {
        this.commands = commands;
    }

    record BookChangedView(UUID bookId) {
    }

    record CopiesView(UUID bookId, int lendableCopies) {
    }

    record StockView(UUID bookId, int stock) {
    }

    record RetiredView(UUID bookId, String status) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BookChangedView register(@Valid @RequestBody RegisterBookRequest request, HttpServletRequest http) {
        UUID bookId = UUID.randomUUID();
        commands.sendAndWait(request.toCommand(bookId), RequestMetadata.of(http));
        return new BookChangedView(bookId);
    }

    @PatchMapping("/{bookId}")
    BookChangedView update(@PathVariable UUID bookId, @Valid @RequestBody UpdateBookRequest request,
            HttpServletRequest http) {
        send(request.toCommand(bookId), http);
        return new BookChangedView(bookId);
    }

    @PostMapping("/{bookId}/copies")
    CopiesView addCopies(@PathVariable UUID bookId, @Valid @RequestBody AddCopiesRequest request,
            HttpServletRequest http) {
        int lendableCopies = send(new AddLendableCopies(bookId, request.count()), http);
        return new CopiesView(bookId, lendableCopies);
    }

    @PostMapping("/{bookId}/stock")
    StockView restock(@PathVariable UUID bookId, @Valid @RequestBody RestockRequest request,
            HttpServletRequest http) {
        int stock = send(new RestockBook(bookId, request.quantity()), http);
        return new StockView(bookId, stock);
    }

    @PostMapping("/{bookId}/retire")
    RetiredView retire(@PathVariable UUID bookId, HttpServletRequest http) {
        send(new RetireBook(bookId), http);
        return new RetiredView(bookId, "RETIRED");
    }

    private <R> R send(Object command, HttpServletRequest http) {
        try {
            return commands.sendAndWait(command, RequestMetadata.of(http));
        } catch (AggregateNotFoundException e) {
            throw new DomainException("BOOK_NOT_FOUND", "no book with id " + e.getAggregateIdentifier());
        }
    }
}
