package com.shucheng.catalogimport.importing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What one import run does.
 *
 * @param commandSide   base URL of the command side, e.g. {@code http://127.0.0.1:8081}
 * @param catalog       the NDJSON catalog
 * @param concurrency   register commands in flight at once
 * @param rejects       where the rejected lines are written (truncated first)
 * @param summary       where a JSON summary is written for scripts, or null
 * @param retries       extra attempts after a 5xx, 429 or connection failure
 * @param firstBackoff  the wait before the first retry; it doubles for each further one
 * @param bearerToken   sent as {@code Authorization: Bearer …} when not null
 * @param progress      how progress is shown on stderr
 */
public record ImportSettings(URI commandSide, Path catalog, int concurrency, Path rejects, Path summary,
        int retries, Duration requestTimeout, Duration firstBackoff, String bearerToken, ProgressMode progress) {

    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int DEFAULT_RETRIES = 4;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(250);

    public ImportSettings {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be between 1 and 256");
        }
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("retries must be between 0 and 20");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be at least one second");
        }
    }

    /** The rejects file next to the catalog: {@code books.ndjson} → {@code books.rejects.ndjson}. */
    public static Path defaultRejects(Path catalog) {
        String name = catalog.getFileName().toString();
        String stem = name.endsWith(".ndjson") ? name.substring(0, name.length() - ".ndjson".length()) : name;
        return catalog.resolveSibling(stem + ".rejects.ndjson");
    }

    public enum ProgressMode {
        /** One line rewritten in place when a terminal is attached, else {@link #PLAIN}. */
        AUTO,
        /** One line rewritten in place with carriage returns. */
        TTY,
        /** A new line about once a second, for logs and CI. */
        PLAIN,
        NONE
    }
}
