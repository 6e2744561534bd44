package com.shucheng.catalogimport.importing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends register commands to the command side ({@code POST /api/books}) and turns each answer into
 * an {@link Outcome}. 5xx, 429 and connection failures are retried with exponential back-off;
 * every other answer is final.
 */
final class CommandSide {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int MAX_BODY_IN_REASON = 200;

    private final HttpClient http;
    private final URI books;
    private final URI base;
    private final String runId;
    private final Duration requestTimeout;
    private final int retries;
    private final Duration firstBackoff;
    private final String bearerToken;
    private final JsonMapper json = JsonMapper.builder().build();

    CommandSide(URI base, String runId, Duration requestTimeout, int retries, Duration firstBackoff, String bearerToken) {
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every fresh connection.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(PROBE_TIMEOUT)
                .build();
        this.base = withoutTrailingSlash(base);
        this.books = URI.create(this.base + "/api/books");
        this.runId = runId;
        this.requestTimeout = requestTimeout;
        this.retries = retries;
        this.firstBackoff = firstBackoff;
        this.bearerToken = bearerToken;
    }

    /** Empty when the command side answers at all (any HTTP status), else why it cannot be reached. */
    Optional<String> unreachableReason() {
        // OPTIONS on the endpoint itself: no side effect, no dependency on actuator being exposed.
        HttpRequest probe = HttpRequest.newBuilder(books)
                .timeout(PROBE_TIMEOUT)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            http.send(probe, HttpResponse.BodyHandlers.discarding());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    Outcome register(ParsedLine.Sendable line) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(books)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("X-Correlation-Id", correlationId(runId))
                .header("Idempotency-Key", idempotencyKey(runId, line.text()))
                .POST(HttpRequest.BodyPublishers.ofString(line.text(), StandardCharsets.UTF_8));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        HttpRequest request = builder.build();
        String lastFailure = null;
        int attempts = retries + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Thread.sleep(backoff(attempt - 1).toMillis());
            }
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = describe(e);
                if (attempt == attempts) {
                    return Outcome.rejectedUnsent(line.number(), line.text(), Outcome.UNREACHABLE,
                            lastFailure + " (after " + attempts + " attempts)");
                }
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.added(line.number());
            }
            Problem problem = problem(status, response.body());
            if (status == 409 && "DUPLICATE_ISBN".equals(problem.code())) {
                return Outcome.alreadyPresent(line.number());
            }
            boolean retryable = status >= 500 || status == 429;
            if (!retryable) {
                return Outcome.rejectedByServer(line.number(), line.text(), problem.code(), problem.reason(), problem.errors());
            }
            lastFailure = "HTTP " + status + " " + problem.code() + ": " + problem.reason();
            if (attempt == attempts) {
                return Outcome.rejectedByServer(line.number(), line.text(), Outcome.SERVER_ERROR,
                        lastFailure + " (after " + attempts + " attempts)", problem.errors());
            }
        }
        throw new IllegalStateException("unreachable: every attempt returns or continues");
    }

    /** One id for the whole run: every event this import appends can be found by it. */
    static String correlationId(String runId) {
        return "import-" + runId;
    }

    /**
     * Per run and line content, so a retry inside this run can never add a book twice, while a later
     * run (new keys) still gets the honest 409 DUPLICATE_ISBN answer instead of a replayed 201.
     */
    static String idempotencyKey(String runId, String lineText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(lineText.getBytes(StandardCharsets.UTF_8));
            return "import-" + runId + "-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    Duration backoff(int retry) {
        long millis = Math.min(MAX_BACKOFF.toMillis(), firstBackoff.toMillis() << Math.min(retry - 1, 20));
        // Jitter keeps the in-flight requests from retrying in lock step against a recovering server.
        return Duration.ofMillis((long) (millis * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    private record Problem(String code, String reason, List<Outcome.FieldProblem> errors) {
    }

    private Problem problem(int status, String body) {
        JsonNode node = null;
        try {
            node = json.readTree(body);
        } catch (JacksonException notJson) {
            // Falls through: a proxy's HTML page or an empty body still becomes a readable reason.
        }
        if (node == null || !node.isObject()) {
            String excerpt = body == null ? "" : body.strip();
            if (excerpt.length() > MAX_BODY_IN_REASON) {
                excerpt = excerpt.substring(0, MAX_BODY_IN_REASON) + "…";
            }
            return new Problem("HTTP_" + status, excerpt.isEmpty() ? "HTTP " + status : excerpt, List.of());
        }
        String code = text(node.get("code"), "HTTP_" + status);
        List<Outcome.FieldProblem> errors = new ArrayList<>();
        JsonNode list = node.get("errors");
        if (list != null && list.isArray()) {
            for (JsonNode error : list) {
                errors.add(new Outcome.FieldProblem(text(error.get("field"), ""), text(error.get("message"), "")));
            }
        }
        String detail = text(node.get("detail"), text(node.get("title"), "HTTP " + status));
        String reason = errors.isEmpty() ? detail
                : String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new Problem(code, reason, errors);
    }

    private static String text(JsonNode node, String otherwise) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asString() : otherwise;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
