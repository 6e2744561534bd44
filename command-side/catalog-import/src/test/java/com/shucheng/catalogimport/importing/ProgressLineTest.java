package com.shucheng.catalogimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void the_line_shows_count_percentage_rate_eta_and_each_outcome() {
        Tally.Snapshot snapshot = new Tally.Snapshot(45_120, 100_000, 45_000, 100, 20, 0, 60 * SECOND);

        assertThat(ProgressLine.render(snapshot, 812.4)).isEqualTo(
                "45,120/100,000 lines 45.1% | 812 books/s | ETA 1m 07s | added 45,000 | already present 100"
                        + " | rejected 20");
    }

    @Test
    void the_eta_is_unknown_until_a_rate_is_known_and_zero_when_done() {
        assertThat(ProgressLine.render(new Tally.Snapshot(0, 10, 0, 0, 0, 0, 0), 0)).contains("ETA --");
        assertThat(ProgressLine.render(new Tally.Snapshot(10, 10, 10, 0, 0, 0, SECOND), 0)).contains("ETA 0s")
                .contains("100.0%");
    }

    @Test
    void an_empty_catalog_is_complete() {
        assertThat(ProgressLine.render(new Tally.Snapshot(0, 0, 0, 0, 0, 0, SECOND), 0)).startsWith("0/0 lines 100.0%");
    }

    @Test
    void durations_are_short() {
        assertThat(ProgressLine.duration(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(ProgressLine.duration(Duration.ofSeconds(185))).isEqualTo("3m 05s");
        assertThat(ProgressLine.duration(Duration.ofSeconds(3720))).isEqualTo("1h 02m");
        assertThat(ProgressLine.duration(Duration.ofMillis(-5))).isEqualTo("0s");
    }

    @Test
    void the_rate_follows_the_last_ten_seconds_not_the_whole_run() {
        ProgressLine line = new ProgressLine();
        line.rate(new Tally.Snapshot(0, 10_000, 0, 0, 0, 0, 0));
        // A slow start: 100 lines in the first 10 seconds …
        line.rate(new Tally.Snapshot(100, 10_000, 100, 0, 0, 0, 10 * SECOND));
        // … then 1,000 lines a second.
        for (int s = 11; s <= 25; s++) {
            line.rate(new Tally.Snapshot(100 + (s - 10) * 1000L, 10_000, 0, 0, 0, 0, s * SECOND));
        }

        double rate = line.rate(new Tally.Snapshot(100 + 16 * 1000L, 10_000, 0, 0, 0, 0, 26 * SECOND));

        assertThat(rate).isEqualTo(1000.0);
    }
}
