package com.shucheng.query.booksearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shucheng.query.CommandSide;
import com.shucheng.query.QuerySideClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The search index follows a book's later events: new details are searchable, a retired book is gone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookSearchChangesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    QuerySideClient query;
    String tag;

    @BeforeEach
    void setUp() {
        query = new QuerySideClient(port);
        tag = CommandSide.uniqueSuffix();
    }

    @Test
    void an_update_is_found_by_its_new_details_and_no_longer_by_the_old_ones() {
        String oldTag = tag;
        String newTag = CommandSide.uniqueSuffix();
        UUID book = CommandSide.registerBook("旧题目 " + oldTag, List.of("旧作者"), "旧分类", "10.00");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids(oldTag)).contains(book));

        CommandSide.updateBook(book, Map.of("title", "新题目 " + newTag, "authors", List.of("钱钟书"),
                "category", "新分类" + newTag, "price", "45.00"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode hit = hit(newTag, book);
            assertThat(hit).as("found by the new title").isNotNull();
            assertThat(hit.get("title").asString()).isEqualTo("新题目 " + newTag);
            assertThat(hit.get("authors").get(0).asString()).isEqualTo("钱钟书");
            assertThat(hit.get("category").asString()).isEqualTo("新分类" + newTag);
            assertThat(hit.get("price").asString()).isEqualTo("45.00");
        });
        assertThat(ids("xintimu")).as("by the new title's pinyin").contains(book);
        assertThat(ids(oldTag)).as("the old title is gone").doesNotContain(book);
        assertThat(ids(newTag, "&category=" + enc("新分类" + newTag))).containsExactly(book);
    }

    @Test
    void copies_and_stock_changes_keep_the_book_searchable() {
        UUID book = CommandSide.registerBook("副本 " + tag, List.of("某人"), "小说", "10.00");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids("副本 " + tag)).contains(book));

        CommandSide.addCopies(book, 2);
        CommandSide.restock(book, 3);
        String marker = CommandSide.uniqueSuffix();
        UUID later = CommandSide.registerBook("之后 " + marker, List.of("某人"), "小说", "10.00");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids("之后 " + marker)).contains(later));
        assertThat(ids("副本 " + tag)).contains(book);
    }

    @Test
    void a_retired_book_is_no_longer_found() {
        UUID retired = CommandSide.registerBook("退役之书 " + tag, List.of("某人"), "小说", "10.00");
        UUID kept = CommandSide.registerBook("留存之书 " + tag, List.of("某人"), "小说", "10.00");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids(tag)).contains(retired, kept));

        CommandSide.retire(retired);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids(tag)).contains(kept).doesNotContain(retired));
    }

    private JsonNode hit(String q, UUID bookId) {
        for (JsonNode item : search(q, "").get("items")) {
            if (item.get("bookId").asString().equals(bookId.toString())) {
                return item;
            }
        }
        return null;
    }

    private List<UUID> ids(String q) {
        return ids(q, "");
    }

    private List<UUID> ids(String q, String moreParameters) {
        List<UUID> ids = new ArrayList<>();
        search(q, moreParameters).get("items").forEach(item -> ids.add(UUID.fromString(item.get("bookId").asString())));
        return ids;
    }

    private JsonNode search(String q, String moreParameters) {
        HttpResponse<String> response = query.get("/api/search?size=100&q=" + enc(q) + moreParameters);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return QuerySideClient.body(response);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
