package com.shucheng.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running command-side app that end-to-end tests write through; scripts/test.sh starts it and
 * passes its address in SHUCHENG_TEST_COMMAND_URL.
 */
public final class CommandSide {

    private static final String URL = System.getenv().getOrDefault("SHUCHENG_TEST_COMMAND_URL", "http://127.0.0.1:18081");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private CommandSide() {
    }

    /** Registers a book and returns its id; fails the test unless the command side answers 201. */
    public static UUID registerBook(String title, List<String> authors, String category, String price) {
        String body = json.writeValueAsString(new Registration(randomIsbn13(), title, authors, category, price, 2, 5));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(URL + "/api/books"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new AssertionError("command side answered " + response.statusCode() + ": " + response.body());
            }
            return UUID.fromString(json.readTree(response.body()).get("bookId").asString());
        } catch (java.io.IOException e) {
            throw new AssertionError("command side not reachable at " + URL + " (scripts/test.sh starts it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Registration(String isbn, String title, List<String> authors, String category, String price,
            int lendableCopies, int stock) {
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
