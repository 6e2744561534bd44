package com.shucheng.command.book;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record RestockBook(@TargetAggregateIdentifier UUID bookId, int quantity) {
}
