package com.shucheng.catalogimport.importing;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters, updated as each line finishes (in any order) and read by the progress line. */
final class Tally {

    private final long total;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong present = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong blank = new AtomicLong();

    Tally(long total, long startNanos) {
        this.total = total;
        this.startNanos = startNanos;
    }

    void count(Outcome outcome) {
        switch (outcome.result()) {
            case ADDED -> added.incrementAndGet();
            case ALREADY_PRESENT -> present.incrementAndGet();
            case REJECTED -> rejected.incrementAndGet();
            case BLANK -> blank.incrementAndGet();
        }
        done.incrementAndGet();
    }

    Snapshot snapshot(long nowNanos) {
        return new Snapshot(done.get(), total, added.get(), present.get(), rejected.get(), blank.get(),
                nowNanos - startNanos);
    }

    /** Counts at one instant; {@code elapsedNanos} since the import started. */
    record Snapshot(long done, long total, long added, long present, long rejected, long blank, long elapsedNanos) {

        /** Lines that became a book decision (blank lines are not books). */
        long books() {
            return added + present + rejected;
        }
    }
}
