package com.shucheng.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running command-side app that end-to-end tests write through; scripts/test.sh starts it and
 * passes its address in SHUCHENG_TEST_COMMAND_URL. Every write fails the test unless the command side
 * answers with the expected status, and returns the response's {@code Consistency-Token} (null if absent).
 */
public final class CommandSide {

    private static final String URL = System.getenv().getOrDefault("SHUCHENG_TEST_COMMAND_URL", "http://127.0.0.1:18081");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private CommandSide() {
    }

    /** Registers a book with 2 lendable copies and 5 for sale and returns its id. */
    public static UUID registerBook(String title, List<String> authors, String category, String price) {
        return registerBook(title, authors, category, price, 2, 5);
    }

    /** Registers a book and returns its id. */
    public static UUID registerBook(String title, List<String> authors, String category, String price,
            int lendableCopies, int stock) {
        HttpResponse<String> response = send("POST", "/api/books",
                new Registration(randomIsbn13(), title, authors, category, price, lendableCopies, stock), 201);
        return UUID.fromString(json.readTree(response.body()).get("bookId").asString());
    }

    /** PATCH /api/books/{id} with the given fields (any of title, authors, category, price). */
    public static String updateBook(UUID bookId, Map<String, Object> changes) {
        return token(send("PATCH", "/api/books/" + bookId, changes, 200));
    }

    public static String addCopies(UUID bookId, int count) {
        return token(send("POST", "/api/books/" + bookId + "/copies", Map.of("count", count), 200));
    }

    public static String restock(UUID bookId, int quantity) {
        return token(send("POST", "/api/books/" + bookId + "/stock", Map.of("quantity", quantity), 200));
    }

    public static String retire(UUID bookId) {
        return token(send("POST", "/api/books/" + bookId + "/retire", null, 200));
    }

    record Registration(String isbn, String title, List<String> authors, String category, String price,
            int lendableCopies, int stock) {
    }

    private static HttpResponse<String> send(String method, String path, Object body, int expectedStatus) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(URL + path))
                    .header("Content-Type", "application/json")
                    .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(method + " " + path + ": command side answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new AssertionError("command side not reachable at " + URL + " (scripts/test.sh starts it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String token(HttpResponse<String> response) {
        return response.headers().firstValue("Consistency-Token").orElse(null);
    }

    /** A valid ISBN-13 in the 979 range. */
    public static String randomIsbn13() {
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

    /** A title no earlier test run can have used, for assertions that must not see old data. */
    public static String uniqueSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
