package com.shucheng.query.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.shucheng.query.CommandSide;
import com.shucheng.query.QuerySideClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes over HTTP: a client that writes on the command side and reads here with the
 * Consistency-Token it was given always sees its write, with no retries, while other clients
 * write at the same time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsistencyIT {

    private static final String COMMAND_URL =
            System.getenv().getOrDefault("SHUCHENG_TEST_COMMAND_URL", "http://127.0.0.1:18081");
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void every_client_reads_its_own_writes_at_once_under_concurrent_load() throws Exception {
        int clients = 8;
        int roundsEach = 15;
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < roundsEach; round++) {
                        oneClientRound();
                    }
                    return roundsEach;
                }));
            }
        }
        int rounds = 0;
        for (Future<Integer> result : results) {
            rounds += result.get();
        }
        assertThat(rounds).isEqualTo(clients * roundsEach);
    }

    /** Register, read by id, list by author, search; update, read the update: each read once, with the token. */
    private void oneClientRound() throws Exception {
        String author = "作者" + UUID.randomUUID().toString().substring(0, 8);
        String title = "一致" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        HttpResponse<String> registered = write("POST", "/api/books", """
                {"isbn": "%s", "title": "%s", "authors": ["%s"], "category": "测试",
                 "price": 30.00, "lendableCopies": 1, "stock": 1}""".formatted(CommandSide.randomIsbn13(), title, author));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String bookId = json.readTree(registered.body()).get("bookId").asString();
        String token = registered.headers().firstValue("Consistency-Token").orElseThrow();

        HttpResponse<String> byId = read("/api/books/" + bookId, token);
        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
        assertThat(QuerySideClient.body(byId).get("title").asString()).isEqualTo(title);

        JsonNode listed = QuerySideClient.body(read("/api/books?author=" + encode(author), token));
        assertThat(listed.get("total").asInt()).isEqualTo(1);

        JsonNode found = QuerySideClient.body(read("/api/search?q=" + encode(title), token));
        assertThat(found.get("items")).extracting(item -> item.get("bookId").asString()).contains(bookId);

        HttpResponse<String> updated = write("PATCH", "/api/books/" + bookId, "{\"price\": \"31.50\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        String next = updated.headers().firstValue("Consistency-Token").orElseThrow();

        HttpResponse<String> afterUpdate = read("/api/books/" + bookId, next);
        assertThat(QuerySideClient.body(afterUpdate).get("price").asString()).isEqualTo("31.50");
    }

    @Test
    void a_token_that_is_not_a_number_is_a_bad_request() throws Exception {
        HttpResponse<String> response = read("/api/books/" + UUID.randomUUID(), "yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = QuerySideClient.body(response);
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_CONSISTENCY_TOKEN");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Consistency-Token");
    }

    @Test
    void a_token_from_beyond_the_event_store_is_a_bad_request_after_the_bounded_wait() throws Exception {
        HttpResponse<String> response = read("/api/books/" + UUID.randomUUID(), "999999999999");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(QuerySideClient.body(response).get("code").asString()).isEqualTo("INVALID_CONSISTENCY_TOKEN");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> write(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(COMMAND_URL + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> read(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Consistency-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
