package com.shucheng.catalogimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandSideTest {

    private static final String SANE_HEADER = "[A-Za-z0-9._:-]{1,64}";

    @Test
    void the_idempotency_key_is_stable_for_a_line_within_a_run_and_differs_between_runs() {
        String line = "{\"isbn\":\"9787506365437\"}";

        assertThat(CommandSide.idempotencyKey("run-1", line)).isEqualTo(CommandSide.idempotencyKey("run-1", line));
        assertThat(CommandSide.idempotencyKey("run-1", line)).isNotEqualTo(CommandSide.idempotencyKey("run-2", line));
        assertThat(CommandSide.idempotencyKey("run-1", line)).isNotEqualTo(CommandSide.idempotencyKey("run-1", line + " "));
    }

    @Test
    void the_headers_fit_what_the_command_side_accepts_as_a_correlation_id() {
        String runId = CatalogImporter.newRunId();

        assertThat(CommandSide.correlationId(runId)).matches(SANE_HEADER).startsWith("import-");
        assertThat(CommandSide.idempotencyKey(runId, "{}")).matches(SANE_HEADER).startsWith("import-" + runId);
    }

    @Test
    void the_backoff_doubles_with_jitter_and_is_capped() {
        CommandSide commandSide = new CommandSide(URI.create("http://127.0.0.1:1"), "run", Duration.ofSeconds(1), 4,
                Duration.ofMillis(250), null);

        assertThat(commandSide.backoff(1).toMillis()).isBetween(200L, 300L);
        assertThat(commandSide.backoff(2).toMillis()).isBetween(400L, 600L);
        assertThat(commandSide.backoff(3).toMillis()).isBetween(800L, 1200L);
        assertThat(commandSide.backoff(12).toMillis()).isBetween(4000L, 6000L);
    }
}
