package com.shucheng.command.book;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record AddLendableCopies(@TargetAggregateIdentifier UUID bookId, int count) {
}
