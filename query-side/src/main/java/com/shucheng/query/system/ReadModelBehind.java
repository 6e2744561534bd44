package com.shucheng.query.system;

/** A read that asked to see a write its read model has not processed within the allowed wait. */
class ReadModelBehind extends RuntimeException {

    ReadModelBehind(String message) {
        super(message);
    }
}
