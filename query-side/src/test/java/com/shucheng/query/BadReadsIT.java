package com.shucheng.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Nonsense in a read gets a clear 4xx problem (or a sane answer), never a 5xx or an ES error. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadReadsIT {

    @LocalServerPort
    int port;
    QuerySideClient query;

    @BeforeEach
    void setUp() {
        query = new QuerySideClient(port);
    }

    @Test
    void an_unknown_book_is_not_found() {
        assertProblem(query.get("/api/books/" + UUID.randomUUID()), 404, "BOOK_NOT_FOUND");
    }

    @Test
    void a_book_id_that_is_not_a_uuid_is_a_bad_request() {
        assertProblem(query.get("/api/books/not-a-uuid"), 400, "INVALID_PARAMETER");
    }

    @Test
    void an_empty_or_blank_query_is_a_bad_request() {
        assertProblem(query.get("/api/search"), 400, "EMPTY_QUERY");
        assertProblem(query.search("   "), 400, "EMPTY_QUERY");
    }

    @Test
    void an_over_long_query_is_a_bad_request() {
        assertProblem(query.search("三".repeat(101)), 400, "QUERY_TOO_LONG");
    }

    @Test
    void control_characters_in_a_query_are_a_bad_request() {
        assertProblem(query.search("三国\u0007"), 400, "INVALID_QUERY");
    }

    @Test
    void paging_beyond_ten_thousand_results_is_a_bad_request() {
        assertProblem(query.get("/api/search?q=sanguo&page=1001&size=10"), 400, "PAGE_TOO_DEEP");
        assertProblem(query.get("/api/search?q=sanguo&size=101"), 400, "INVALID_SIZE");
        assertProblem(query.get("/api/search?q=sanguo&page=0"), 400, "INVALID_PAGE");
        assertProblem(query.get("/api/search?q=sanguo&page=abc"), 400, "INVALID_PARAMETER");
    }

    @Test
    void lucene_and_json_special_characters_are_just_text() {
        for (String q : new String[] {"\"", "\\", "*", "{", "三国\" OR *:*", "}}]]", "a:b AND (c"}) {
            HttpResponse<String> response = query.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("search for %s", q).isEqualTo(200);
            assertThat(QuerySideClient.body(response).get("items").isArray()).isTrue();
        }
    }

    @Test
    void readiness_covers_postgresql_and_elasticsearch() {
        HttpResponse<String> response = query.get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode components = QuerySideClient.body(response).get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("elasticsearch").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void the_read_api_is_published_as_openapi() {
        HttpResponse<String> response = query.get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = QuerySideClient.body(response).get("paths");
        assertThat(paths.has("/api/search")).isTrue();
        assertThat(paths.has("/api/books/{bookId}")).isTrue();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(QuerySideClient.body(response).get("code").asString()).isEqualTo(code);
    }
}
