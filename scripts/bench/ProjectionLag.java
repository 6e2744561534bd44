import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Projection lag: the time from the command side answering 201 for a registration until the query
 * side serves the book (GET /api/books/{id} → 200), and, for a sample, until search finds it.
 *
 * <p>Closed loop: {@code clients} workers each register a book, then poll the query side every
 * {@code pollMillis} until it appears, then go on. Run with the whole system up (scripts/up.sh):
 * {@code java scripts/bench/ProjectionLag.java [count] [clients] [commandUrl] [queryUrl]}.
 */
public class ProjectionLag {

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final long POLL_NANOS = 2_000_000;
    static final int SEARCH_SAMPLE_EVERY = 10;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String command = args.length > 2 ? args[2] : "http://127.0.0.1:8081";
        String query = args.length > 3 ? args[3] : "http://127.0.0.1:8082";

        warmUp(command, query);
        List<Long> readLags = Collections.synchronizedList(new ArrayList<>());
        List<Long> searchLags = Collections.synchronizedList(new ArrayList<>());
        List<Long> commandTimes = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = count / clients + (c < count % clients ? 1 : 0);
                work.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        measureOne(command, query, i % SEARCH_SAMPLE_EVERY == 0, readLags, searchLags, commandTimes);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("commands: %d with %d closed-loop client(s) in %.1f s%n", count, clients, seconds);
        report("command accepted (POST /api/books round trip)", commandTimes);
        report("accepted -> GET /api/books/{id} answers 200", readLags);
        report("accepted -> GET /api/search finds it (sampled 1 in " + SEARCH_SAMPLE_EVERY + ")", searchLags);
    }

    static void measureOne(String command, String query, boolean alsoSearch, List<Long> readLags,
            List<Long> searchLags, List<Long> commandTimes) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"isbn": "%s", "title": "延迟测试 %s", "authors": ["基准"], "category": "基准测试",
                 "price": 10.00, "lendableCopies": 1, "stock": 1}""".formatted(randomIsbn13(), tag);
        long sent = System.nanoTime();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(command + "/api/books"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long accepted = System.nanoTime();
        if (created.statusCode() != 201) {
            throw new IllegalStateException("register answered " + created.statusCode() + ": " + created.body());
        }
        commandTimes.add(accepted - sent);
        String bookId = created.body().replaceAll(".*\"bookId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        readLags.add(waitFor(query + "/api/books/" + bookId, null, accepted));
        if (alsoSearch) {
            searchLags.add(waitFor(query + "/api/search?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8), bookId,
                    accepted));
        }
    }

    /** Polls until the URL answers 200 (and, if given, mentions {@code mustContain}); returns the lag. */
    static long waitFor(String url, String mustContain, long since) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).GET().build();
        long deadline = since + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && (mustContain == null || response.body().contains(mustContain))) {
                return System.nanoTime() - since;
            }
            // Sleep, not spin: the poller shares the cores with the system it measures.
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new IllegalStateException("not visible after 30 s: " + url);
    }

    static void warmUp(String command, String query) throws Exception {
        for (int i = 0; i < 50; i++) {
            measureOne(command, query, false, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-62s n=%5d  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, sorted.size(),
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    static String randomIsbn13() {
        StringBuilder digits = new StringBuilder("979");
        for (int i = 0; i < 9; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
