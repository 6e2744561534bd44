package com.shucheng.command.book;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record RetireBook(@TargetAggregateIdentifier UUID bookId) {
}
