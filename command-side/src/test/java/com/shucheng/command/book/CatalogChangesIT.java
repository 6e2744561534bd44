package com.shucheng.command.book;

import static com.shucheng.command.book.BookApi.assertProblem;
import static com.shucheng.command.book.BookApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Changing registered books over HTTP against the real event store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogChangesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    private BookApi api;

    @BeforeEach
    void connect() {
        api = new BookApi(port);
    }

    @Test
    void updating_details_appends_the_full_details_with_the_request_metadata() throws Exception {
        UUID bookId = api.register("封神榜");

        HttpResponse<String> response = api.send("PATCH", "/api/books/" + bookId,
                "{\"title\": \" 封神演义 \", \"price\": \"45.00\"}", Map.of("X-Correlation-Id", "fix-title-" + bookId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode last = lastEvent(bookId);
        assertThat(last.get("type").asString()).isEqualTo("com.shucheng.events.book.BookDetailsUpdated");
        assertThat(last.get("payload").get("title").asString()).isEqualTo("封神演义");
        assertThat(last.get("payload").get("authors").get(0).asString()).isEqualTo("许仲琳");
        assertThat(last.get("payload").get("price").decimalValue()).isEqualByComparingTo("45.00");
        assertThat(last.get("meta").get("correlationId").asString()).isEqualTo("fix-title-" + bookId);
    }

    @Test
    void adding_copies_and_restocking_answer_the_new_totals() throws Exception {
        UUID bookId = api.register("骆驼祥子");

        HttpResponse<String> copies = api.post("/api/books/" + bookId + "/copies", "{\"count\": 3}", Map.of());
        HttpResponse<String> stock = api.post("/api/books/" + bookId + "/stock", "{\"quantity\": 40}", Map.of());

        assertThat(copies.statusCode()).isEqualTo(200);
        assertThat(json.readTree(copies.body()).get("lendableCopies").asInt()).isEqualTo(5);
        assertThat(stock.statusCode()).isEqualTo(200);
        assertThat(json.readTree(stock.body()).get("stock").asInt()).isEqualTo(50);
    }

    @Test
    void a_retired_book_refuses_every_change_with_409() throws Exception {
        UUID bookId = api.register("茶馆");
        HttpResponse<String> retired = api.post("/api/books/" + bookId + "/retire", null, Map.of());
        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retired.body()).get("status").asString()).isEqualTo("RETIRED");
        long events = eventCount(bookId);

        assertProblem(api.patch("/api/books/" + bookId, "{\"title\": \"龙须沟\"}"), 409, "BOOK_RETIRED", null);
        assertProblem(api.post("/api/books/" + bookId + "/copies", "{\"count\": 1}", Map.of()), 409, "BOOK_RETIRED", null);
        assertProblem(api.post("/api/books/" + bookId + "/stock", "{\"quantity\": 1}", Map.of()), 409, "BOOK_RETIRED", null);
        assertProblem(api.post("/api/books/" + bookId + "/retire", null, Map.of()), 409, "BOOK_RETIRED", null);
        assertThat(eventCount(bookId)).isEqualTo(events);
    }

    @Test
    void an_unknown_book_is_404_for_every_change() throws Exception {
        String path = "/api/books/" + UUID.randomUUID();
        assertProblem(api.patch(path, "{\"title\": \"无\"}"), 404, "BOOK_NOT_FOUND", null);
        assertProblem(api.post(path + "/copies", "{\"count\": 1}", Map.of()), 404, "BOOK_NOT_FOUND", null);
        assertProblem(api.post(path + "/stock", "{\"quantity\": 1}", Map.of()), 404, "BOOK_NOT_FOUND", null);
        assertProblem(api.post(path + "/retire", null, Map.of()), 404, "BOOK_NOT_FOUND", null);
    }

    @Test
    void a_book_id_that_is_not_a_uuid_is_a_bad_request() throws Exception {
        assertProblem(api.patch("/api/books/not-a-uuid", "{\"title\": \"无\"}"), 400, "INVALID_PARAMETER", "bookId");
    }

    @Test
    void bad_values_are_rejected_with_the_field_and_nothing_is_appended() throws Exception {
        UUID bookId = api.register("家");
        long events = eventCount(bookId);
        String path = "/api/books/" + bookId;

        assertProblem(api.patch(path, "{\"price\": \"12.345\"}"), 400, "VALIDATION_FAILED", "price");
        assertProblem(api.patch(path, "{\"category\": \"小说/长篇\"}"), 400, "INVALID_CATEGORY", "category");
        assertProblem(api.patch(path, "{\"authors\": []}"), 400, "INVALID_AUTHOR", "authors");
        assertProblem(api.patch(path, "{\"authors\": [\"巴金\", \"巴金\"]}"), 400, "INVALID_AUTHOR", "authors");
        assertProblem(api.patch(path, "{\"authors\": [\"<b>巴金</b>\"]}"), 400, "INVALID_AUTHOR", "authors");
        assertProblem(api.patch(path, "{\"title\": \"  \"}"), 400, "VALIDATION_FAILED", "title");
        assertProblem(api.patch(path, "{}"), 400, "VALIDATION_FAILED", null);
        assertProblem(api.patch(path, "{\"titel\": \"春\"}"), 400, "UNKNOWN_FIELD", "titel");
        assertProblem(api.post(path + "/copies", "{\"count\": 0}", Map.of()), 400, "VALIDATION_FAILED", "count");
        assertProblem(api.post(path + "/copies", "{\"count\": 2000000000}", Map.of()), 400, "VALIDATION_FAILED", "count");
        assertProblem(api.post(path + "/copies", "{\"count\": 9999999999}", Map.of()), 400, "INVALID_FIELD_TYPE", "count");
        assertProblem(api.post(path + "/stock", "{\"quantity\": -5}", Map.of()), 400, "VALIDATION_FAILED", "quantity");
        assertProblem(api.post(path + "/stock", "{}", Map.of()), 400, "VALIDATION_FAILED", "quantity");
        assertThat(eventCount(bookId)).isEqualTo(events);
    }

    @Test
    void registering_with_a_badly_formed_category_or_author_names_the_field() throws Exception {
        String body = """
                {"isbn": "%s", "title": "寒夜", "authors": ["巴金"], "category": "<小说>",
                 "price": 20.00, "lendableCopies": 1, "stock": 1}""".formatted(BookApi.randomIsbn13());
        assertProblem(api.post("/api/books", body, Map.of()), 400, "INVALID_CATEGORY", "category");
    }

    @Test
    void every_successful_write_answers_a_consistency_token_that_grows() throws Exception {
        HttpResponse<String> registered = api.post("/api/books", BookApi.bookJson(BookApi.randomIsbn13(), "春"), Map.of());
        UUID bookId = UUID.fromString(json.readTree(registered.body()).get("bookId").asString());
        HttpResponse<String> updated = api.patch("/api/books/" + bookId, "{\"title\": \"秋\"}");
        HttpResponse<String> rejected = api.patch("/api/books/" + bookId, "{\"price\": -1}");

        long first = token(registered);
        long second = token(updated);
        assertThat(second).isGreaterThan(first);
        assertThat(first).isEqualTo(globalIndexOf(bookId, 0));
        assertThat(second).isEqualTo(globalIndexOf(bookId, 1));
        assertThat(rejected.headers().firstValue("Consistency-Token")).isEmpty();
    }

    private static long token(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Consistency-Token").orElseThrow());
    }

    private long globalIndexOf(UUID bookId, long sequence) {
        return db.sql("select global_index from command.domain_event_entry where aggregate_identifier = ? and sequence_number = ?")
                .params(bookId.toString(), sequence).query(Long.class).single();
    }

    private long eventCount(UUID bookId) {
        return db.sql("select count(*) from command.domain_event_entry where aggregate_identifier = ?")
                .param(bookId.toString()).query(Long.class).single();
    }

    private JsonNode lastEvent(UUID bookId) {
        Map<String, Object> row = db.sql("""
                select payload_type, convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as meta
                from command.domain_event_entry where aggregate_identifier = ? order by sequence_number desc limit 1""")
                .param(bookId.toString()).query().singleRow();
        return json.createObjectNode()
                .put("type", (String) row.get("payload_type"))
                .set("payload", json.readTree((String) row.get("payload")))
                .set("meta", json.readTree((String) row.get("meta")));
    }

}
