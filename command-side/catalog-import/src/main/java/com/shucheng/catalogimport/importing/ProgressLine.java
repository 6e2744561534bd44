package com.shucheng.catalogimport.importing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Renders the progress line and estimates the rate over the last few seconds, so the ETA follows
 * the server's current pace rather than the average since start.
 */
final class ProgressLine {

    private static final long WINDOW_NANOS = Duration.ofSeconds(10).toNanos();

    private record Sample(long nanos, long done) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Adds a sample and answers lines per second over the window (0 when not yet known). */
    synchronized double rate(Tally.Snapshot now) {
        samples.addLast(new Sample(now.elapsedNanos(), now.done()));
        while (samples.size() > 2 && now.elapsedNanos() - samples.peekFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
        Sample oldest = samples.peekFirst();
        long nanos = now.elapsedNanos() - oldest.nanos();
        if (nanos <= 0) {
            return 0;
        }
        return (now.done() - oldest.done()) * 1e9 / nanos;
    }

    static String render(Tally.Snapshot s, double linesPerSecond) {
        double percent = s.total() == 0 ? 100 : 100.0 * s.done() / s.total();
        long remaining = Math.max(0, s.total() - s.done());
        String eta = remaining == 0 ? "0s"
                : linesPerSecond <= 0 ? "--"
                : duration(Duration.ofMillis((long) (remaining * 1000 / linesPerSecond)));
        return String.format(Locale.ROOT,
                "%,d/%,d lines %.1f%% | %,.0f books/s | ETA %s | added %,d | already present %,d | rejected %,d",
                s.done(), s.total(), percent, linesPerSecond, eta, s.added(), s.present(), s.rejected());
    }

    /** {@code 42s}, {@code 3m 05s}, {@code 1h 02m}: short enough for a progress line. */
    static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
