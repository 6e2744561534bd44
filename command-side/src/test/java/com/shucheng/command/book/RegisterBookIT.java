package com.shucheng.command.book;

import static com.shucheng.command.book.BookApi.assertProblem;
import static com.shucheng.command.book.BookApi.bookJson;
import static com.shucheng.command.book.BookApi.fields;
import static com.shucheng.command.book.BookApi.json;
import static com.shucheng.command.book.BookApi.randomIsbn13;
import static com.shucheng.command.book.BookApi.randomIsbn13With978;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Registering books over HTTP against the real PostgreSQL event store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisterBookIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private BookApi api;

    @LocalServerPort
    int port;

    @BeforeEach
    void connect() {
        api = new BookApi(port);
    }

    @Autowired
    JdbcClient db;

    @Test
    void a_registered_book_is_stored_as_a_readable_json_event_with_its_request_metadata() throws Exception {
        String isbn = randomIsbn13();
        HttpResponse<String> response = post(bookJson(isbn, "封神演义"), Map.of(
                "X-Correlation-Id", "corr-" + isbn, "Idempotency-Key", "key-" + isbn));

        assertThat(response.statusCode()).isEqualTo(201);
        String bookId = json.readTree(response.body()).get("bookId").asString();
        assertThat(response.headers().firstValue("X-Correlation-Id")).contains("corr-" + isbn);

        Map<String, Object> row = db.sql("""
                select payload_type, convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as meta
                from command.domain_event_entry where aggregate_identifier = ?""").param(bookId).query().singleRow();
        assertThat(row.get("payload_type")).isEqualTo("com.shucheng.events.book.BookRegistered");
        JsonNode payload = json.readTree((String) row.get("payload"));
        assertThat(payload.get("title").asString()).isEqualTo("封神演义");
        assertThat(payload.get("isbn").asString()).isEqualTo(isbn);
        JsonNode meta = json.readTree((String) row.get("meta"));
        assertThat(meta.get("correlationId").asString()).isEqualTo("corr-" + isbn);
        assertThat(meta.get("idempotencyKey").asString()).isEqualTo("key-" + isbn);
        assertThat(meta.get("actor").asString()).isEqualTo("anonymous");
    }

    @Test
    void an_isbn10_is_stored_as_its_isbn13() throws Exception {
        String isbn13 = randomIsbn13With978();
        String isbn10 = toIsbn10(isbn13);
        HttpResponse<String> response = post(bookJson(isbn10, "围城"), Map.of());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(db.sql("select isbn from command.isbn_claim where isbn = ?").param(isbn13).query(String.class).list())
                .containsExactly(isbn13);
    }

    @Test
    void a_second_book_with_the_same_isbn_is_a_conflict_even_when_spelled_differently() throws Exception {
        String isbn13 = randomIsbn13With978();
        assertThat(post(bookJson(isbn13, "活着"), Map.of()).statusCode()).isEqualTo(201);

        HttpResponse<String> again = post(bookJson(toIsbn10(isbn13), "活着 (第二版)"), Map.of());

        assertProblem(again, 409, "DUPLICATE_ISBN", "isbn");
        assertThat(eventsWithIsbn(isbn13)).isEqualTo(1);
    }

    @Test
    void racing_registrations_of_one_isbn_let_exactly_one_through() throws Exception {
        for (int round = 0; round < 5; round++) {
            String isbn = randomIsbn13();
            int racers = 8;
            List<Future<Integer>> statuses = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
                for (int i = 0; i < racers; i++) {
                    int n = i;
                    statuses.add(pool.submit(() -> post(bookJson(isbn, "平凡的世界 " + n), Map.of()).statusCode()));
                }
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes).filteredOn(code -> code == 201).hasSize(1);
            assertThat(codes).filteredOn(code -> code == 409).hasSize(racers - 1);
            assertThat(eventsWithIsbn(isbn)).isEqualTo(1);
        }
    }

    @Test
    void an_isbn_with_a_wrong_checksum_is_rejected_and_nothing_is_stored() throws Exception {
        String valid = randomIsbn13();
        String wrong = valid.substring(0, 12) + (char) ('0' + (valid.charAt(12) - '0' + 1) % 10);

        assertProblem(post(bookJson(wrong, "红楼梦"), Map.of()), 400, "INVALID_ISBN", "isbn");
        assertThat(eventsWithIsbn(wrong)).isZero();
    }

    @Test
    void missing_and_negative_fields_are_each_named() throws Exception {
        HttpResponse<String> response = post("""
                {"isbn": "%s", "title": " ", "authors": [], "price": -1, "lendableCopies": -2, "stock": 5}
                """.formatted(randomIsbn13()), Map.of());

        JsonNode problem = assertProblem(response, 400, "VALIDATION_FAILED", "title");
        assertThat(fields(problem)).contains("title", "authors", "category", "price", "lendableCopies");
    }

    @Test
    void a_wrong_type_is_rejected_naming_the_field() throws Exception {
        HttpResponse<String> response = post("""
                {"isbn": "%s", "title": "水浒传", "authors": ["施耐庵"], "category": "古典小说",
                 "price": "cheap", "lendableCopies": 1, "stock": 1}""".formatted(randomIsbn13()), Map.of());

        assertProblem(response, 400, "INVALID_FIELD_TYPE", "price");
    }

    @Test
    void malformed_json_is_a_bad_request() throws Exception {
        assertProblem(post("{\"isbn\": ", Map.of()), 400, "MALFORMED_JSON", null);
        assertProblem(post("", Map.of()), 400, "MALFORMED_JSON", null);
    }

    @Test
    void control_characters_in_a_title_are_rejected() throws Exception {
        assertProblem(post(bookJson(randomIsbn13(), "西游记\\u0000"), Map.of()), 400, "VALIDATION_FAILED", "title");
    }

    @Test
    void an_oversized_body_is_refused_before_it_is_read() throws Exception {
        String huge = "{\"title\": \"" + "书".repeat(40_000) + "\"}";
        HttpResponse<String> response = post(huge, Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void a_wrong_content_type_is_a_client_error() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/books"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void the_event_store_numbers_events_one_by_one() throws Exception {
        Map<String, Object> sequence = db.sql("""
                select increment_by, cache_size from pg_sequences
                where schemaname = 'command' and sequencename like 'domain_event_entry%'""").query().singleRow();
        assertThat(((Number) sequence.get("increment_by")).longValue()).isEqualTo(1);
        assertThat(((Number) sequence.get("cache_size")).longValue()).isEqualTo(1);

        long before = lastGlobalIndex();
        assertThat(post(bookJson(randomIsbn13(), "家"), Map.of()).statusCode()).isEqualTo(201);
        assertThat(post(bookJson(randomIsbn13(), "春"), Map.of()).statusCode()).isEqualTo(201);

        assertThat(lastGlobalIndex()).isEqualTo(before + 2);
    }

    private long lastGlobalIndex() {
        return db.sql("select coalesce(max(global_index), 0) from command.domain_event_entry").query(Long.class).single();
    }

    @Test
    void the_write_api_is_published_as_openapi() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("paths").has("/api/books")).isTrue();
    }

    private int eventsWithIsbn(String isbn) {
        return db.sql("""
                select count(*) from command.domain_event_entry
                where payload_type = 'com.shucheng.events.book.BookRegistered'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'isbn' = ?""").param(isbn).query(Integer.class).single();
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        return api.post("/api/books", body, headers);
    }

    private URI uri(String path) {
        return api.uri(path);
    }

    private static String toIsbn10(String isbn13) {
        String body = isbn13.substring(3, 12);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return body + (check == 10 ? "X" : String.valueOf(check));
    }
}
