package com.shucheng.command.book;

import com.shucheng.command.system.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
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

    record BookRegisteredView(UUID bookId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BookRegisteredView register(@Valid @RequestBody RegisterBookRequest request, HttpServletRequest http) {
        UUID bookId = UUID.randomUUID();
        commands.sendAndWait(request.toCommand(bookId), RequestMetadata.of(http));
        return new BookRegisteredView(bookId);
    }
}
