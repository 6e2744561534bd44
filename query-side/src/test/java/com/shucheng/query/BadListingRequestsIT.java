package com.shucheng.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Nonsense parameters of the list endpoints: 400 problem+json naming the parameter, never a 5xx. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadListingRequestsIT {

    @LocalServerPort
    int port;
    QuerySideClient query;

    @BeforeEach
    void setUp() {
        query = new QuerySideClient(port);
    }

    @Test
    void a_page_larger_than_a_hundred_is_rejected() {
        assertInvalid("/api/books?size=101", "size");
        assertInvalid("/api/authors?size=101", "size");
        assertInvalid("/api/categories?size=1000", "size");
        assertThat(query.get("/api/books?size=100").statusCode()).isEqualTo(200);
    }

    @Test
    void pages_start_at_one() {
        assertInvalid("/api/books?page=0", "page");
        assertInvalid("/api/authors?page=-1", "page");
        assertInvalid("/api/categories?page=0", "page");
    }

    @Test
    void unparseable_numbers_and_flags_name_their_parameter() {
        assertInvalid("/api/books?page=abc", "page");
        assertInvalid("/api/books?size=1.5", "size");
        assertInvalid("/api/books?page=99999999999", "page");
        assertInvalid("/api/books?available=maybe", "available");
    }

    @Test
    void an_unknown_sort_is_rejected() {
        assertInvalid("/api/books?sort=popularity", "sort");
        assertInvalid("/api/authors?sort=title", "sort");
        assertInvalid("/api/categories?sort=-name", "sort");
    }

    @Test
    void prices_must_be_non_negative_numbers_in_order() {
        assertInvalid("/api/books?minPrice=-1", "minPrice");
        assertInvalid("/api/books?maxPrice=cheap", "maxPrice");
        assertInvalid("/api/books?minPrice=30&maxPrice=20", "minPrice");
    }

    @Test
    void extreme_but_valid_values_answer_normally() {
        assertThat(query.get("/api/books?minPrice=1e-999&maxPrice=1e999").statusCode()).isEqualTo(200);
        assertThat(query.get("/api/books?page=2147483647&size=100").statusCode()).isEqualTo(200);
        assertThat(query.get("/api/books?category=%27%3B%20drop%20table%20query.book%3B--").statusCode()).isEqualTo(200);
        assertThat(query.get("/api/authors?page=2147483647").statusCode()).isEqualTo(200);
    }

    @Test
    void a_nul_byte_in_a_name_is_a_bad_request_not_a_database_error() {
        assertInvalid("/api/books?author=%00", "author");
        assertInvalid("/api/books?category=%E5%94%90%00", "category");
    }

    private void assertInvalid(String path, String field) {
        HttpResponse<String> response = query.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = QuerySideClient.body(response);
        assertThat(problem.get("code").asString()).as(path).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
    }
}
