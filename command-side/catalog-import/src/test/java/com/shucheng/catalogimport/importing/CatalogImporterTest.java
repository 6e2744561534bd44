package com.shucheng.catalogimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The importer against a stand-in command side that answers what each test needs. */
class CatalogImporterTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsByIsbn = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String book(String isbn) {
        return "{\"isbn\":\"" + isbn + "\",\"title\":\"书\",\"authors\":[\"某\"],\"category\":\"测试\",\"price\":\"1.00\","
                + "\"lendableCopies\":1,\"stock\":1}";
    }

    /** Answers by ISBN: dup… 409 DUPLICATE_ISBN, bad… 400, flaky… 503 once then 201, broken… always 500. */
    private URI commandSide() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/books", exchange -> {
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 200, "");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String isbn = json.readTree(body).get("isbn").asString();
            requests.add(Map.of("isbn", isbn,
                    "correlation", exchange.getRequestHeaders().getFirst("X-Correlation-Id"),
                    "idempotency", exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            int attempt = attemptsByIsbn.computeIfAbsent(isbn, i -> new AtomicInteger()).incrementAndGet();
            if (isbn.startsWith("dup")) {
                respond(exchange, 409, problem(409, "DUPLICATE_ISBN", "a book with this ISBN exists", ""));
            } else if (isbn.startsWith("bad")) {
                respond(exchange, 400, problem(400, "INVALID_ISBN", "the request has invalid fields",
                        ",\"errors\":[{\"field\":\"isbn\",\"message\":\"must be a valid ISBN-10 or ISBN-13\"}]"));
            } else if (isbn.startsWith("flaky") && attempt == 1) {
                respond(exchange, 503, "");
            } else if (isbn.startsWith("broken")) {
                respond(exchange, 500, problem(500, "INTERNAL_ERROR", "nothing was stored", ""));
            } else {
                respond(exchange, 201, "{\"bookId\":\"" + isbn + "\"}");
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static String problem(int status, String code, String detail, String more) {
        return "{\"status\":" + status + ",\"title\":\"x\",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"" + more
                + "}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private int importFile(URI url, Path catalog, int concurrency, int retries) {
        ImportSettings settings = new ImportSettings(url, catalog, concurrency, dir.resolve("rejects.ndjson"),
                dir.resolve("summary.json"), retries, Duration.ofSeconds(5), Duration.ofMillis(10), null,
                ImportSettings.ProgressMode.NONE);
        return CatalogImporter.run(settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path catalog(String... lines) throws IOException {
        return Files.writeString(dir.resolve("catalog.ndjson"), String.join("\n", lines) + "\n");
    }

    private JsonNode summary() throws IOException {
        return json.readTree(dir.resolve("summary.json").toFile());
    }

    private List<JsonNode> rejects() throws IOException {
        return Files.readAllLines(dir.resolve("rejects.ndjson")).stream().map(json::readTree).toList();
    }

    @Test
    void each_line_ends_as_added_already_present_or_rejected_with_its_reason_in_line_order() throws Exception {
        Path catalog = catalog(book("ok-1"), "{not json", book("dup-1"), "", book("bad-1"), book("flaky-1"),
                "{\"isbn\":\"ok-2\"}", book("broken-1"), book("ok-3"));

        int exit = importFile(commandSide(), catalog, 3, 2);

        assertThat(exit).isEqualTo(CatalogImporter.EXIT_OK);
        JsonNode summary = summary();
        assertThat(summary.get("completed").asBoolean()).isTrue();
        assertThat(summary.get("lines").asLong()).isEqualTo(9);
        assertThat(summary.get("added").asLong()).isEqualTo(3);
        assertThat(summary.get("alreadyPresent").asLong()).isEqualTo(1);
        assertThat(summary.get("rejected").asLong()).isEqualTo(4);
        assertThat(summary.get("blank").asLong()).isEqualTo(1);

        List<JsonNode> rejects = rejects();
        assertThat(rejects).extracting(r -> r.get("line").asLong()).containsExactly(2L, 5L, 7L, 8L);
        assertThat(rejects).extracting(r -> r.get("code").asString())
                .containsExactly("MALFORMED_JSON", "INVALID_ISBN", "MISSING_FIELDS", "SERVER_ERROR");
        assertThat(rejects.get(0).get("text").asString()).isEqualTo("{not json");
        assertThat(rejects.get(1).get("reason").asString()).isEqualTo("isbn: must be a valid ISBN-10 or ISBN-13");
        assertThat(rejects.get(1).get("errors").get(0).get("field").asString()).isEqualTo("isbn");
        assertThat(rejects.get(3).get("reason").asString()).contains("HTTP 500 INTERNAL_ERROR").contains("after 3 attempts");

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("added                     3")
                .contains("rejected by code: INVALID_ISBN 1, MALFORMED_JSON 1, MISSING_FIELDS 1, SERVER_ERROR 1");
    }

    @Test
    void lines_rejected_locally_are_never_sent() throws Exception {
        importFile(commandSide(), catalog("{not json", "{\"isbn\":\"ok-2\"}", "[1]", book("ok-1")), 2, 0);

        assertThat(requests).extracting(r -> r.get("isbn")).containsExactly("ok-1");
    }

    @Test
    void a_retry_sends_the_same_idempotency_key_and_every_request_the_run_correlation_id() throws Exception {
        importFile(commandSide(), catalog(book("flaky-1"), book("ok-1")), 1, 2);

        List<Map<String, String>> flaky = requests.stream().filter(r -> r.get("isbn").equals("flaky-1")).toList();
        assertThat(flaky).hasSize(2);
        assertThat(flaky.get(0).get("idempotency")).isEqualTo(flaky.get(1).get("idempotency"));
        assertThat(requests).extracting(r -> r.get("correlation")).allMatch(c -> c.startsWith("import-")).hasSize(3)
                .containsOnly(requests.get(0).get("correlation"));
        assertThat(summary().get("added").asLong()).isEqualTo(2);
    }

    @Test
    void no_more_than_the_configured_number_of_requests_are_in_flight() throws Exception {
        int concurrency = 3;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(concurrency);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/books", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 200, "");
                return;
            }
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                // Holds each request until `concurrency` are in flight together, so going over would show.
                together.await(2, TimeUnit.SECONDS);
            } catch (Exception timedOut) {
                together.reset();
            }
            inFlight.decrementAndGet();
            respond(exchange, 201, "");
        });
        server.start();
        Path catalog = catalog(IntStream.range(0, 12).mapToObj(i -> book("ok-" + i)).toArray(String[]::new));

        importFile(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), catalog, concurrency, 0);

        assertThat(most.get()).isEqualTo(concurrency);
        assertThat(summary().get("added").asLong()).isEqualTo(12);
    }

    @Test
    void a_command_side_that_cannot_be_reached_fails_the_run_before_reading_a_line() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int exit = importFile(URI.create("http://127.0.0.1:" + closedPort), catalog(book("ok-1")), 2, 0);

        assertThat(exit).isEqualTo(CatalogImporter.EXIT_UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach the command side");
    }

    @Test
    void a_command_side_that_goes_away_stops_the_run_instead_of_retrying_every_remaining_line() throws Exception {
        URI url = commandSide();
        AtomicInteger answered = new AtomicInteger();
        server.removeContext("/api/books");
        server.createContext("/api/books", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200, "");
            if (answered.incrementAndGet() == 5) {
                Thread.ofVirtual().start(() -> server.stop(0));
            }
        });
        Path catalog = catalog(IntStream.range(0, 500).mapToObj(i -> book("ok-" + i)).toArray(String[]::new));

        int exit = importFile(url, catalog, 2, 0);

        assertThat(exit).isEqualTo(CatalogImporter.EXIT_UNREACHABLE);
        JsonNode summary = summary();
        assertThat(summary.get("completed").asBoolean()).isFalse();
        assertThat(summary.get("processed").asLong()).isLessThan(100);
        assertThat(rejects()).allMatch(r -> r.get("code").asString().equals("UNREACHABLE"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("the command side stopped answering");
    }

    @Test
    void a_catalog_that_cannot_be_read_fails_the_run() throws Exception {
        int exit = importFile(commandSide(), dir.resolve("missing.ndjson"), 2, 0);

        assertThat(exit).isEqualTo(CatalogImporter.EXIT_CANNOT_READ);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
    }

    @Test
    void lines_are_counted_with_or_without_a_final_newline() throws Exception {
        assertThat(CatalogImporter.countLines(Files.writeString(dir.resolve("a"), "x\ny\n"))).isEqualTo(2);
        assertThat(CatalogImporter.countLines(Files.writeString(dir.resolve("b"), "x\ny"))).isEqualTo(2);
        assertThat(CatalogImporter.countLines(Files.writeString(dir.resolve("c"), ""))).isZero();
    }

    @Test
    void the_summary_table_lists_line_code_and_a_shortened_reason() {
        Outcome rejected = Outcome.rejectedByServer(12, "{}", "VALIDATION_FAILED", "price: " + "x".repeat(200), List.of());

        String table = CatalogImporter.rejectsTable(List.of(rejected));

        assertThat(table.lines().toList()).hasSize(2);
        assertThat(table.lines().toList().get(1)).startsWith("    12  VALIDATION_FAILED  price: xxx").endsWith("…");
    }
}
