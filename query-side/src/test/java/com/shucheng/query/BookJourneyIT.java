package com.shucheng.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A book registered on the running command side becomes readable and searchable here, through the
 * real event store, PostgreSQL read table and pinyin-analysed Elasticsearch index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookJourneyIT {

    @LocalServerPort
    int port;
    QuerySideClient query;

    @BeforeEach
    void setUp() {
        query = new QuerySideClient(port);
    }

    @Test
    void a_registered_book_can_be_read_back_with_every_field() {
        UUID bookId = CommandSide.registerBook("活着", List.of("余华"), "当代小说", "28.00");

        JsonNode book = QuerySideClient.body(await().atMost(Duration.ofSeconds(10)).until(
                () -> query.get("/api/books/" + bookId), response -> response.statusCode() == 200));

        assertThat(book.get("bookId").asString()).isEqualTo(bookId.toString());
        assertThat(book.get("title").asString()).isEqualTo("活着");
        assertThat(book.get("authors").get(0).asString()).isEqualTo("余华");
        assertThat(book.get("category").asString()).isEqualTo("当代小说");
        assertThat(book.get("price").asString()).isEqualTo("28.00");
        assertThat(book.get("lendableCopies").asInt()).isEqualTo(2);
        assertThat(book.get("availableCopies").asInt()).isEqualTo(2);
        assertThat(book.get("stock").asInt()).isEqualTo(5);
        assertThat(book.get("availableStock").asInt()).isEqualTo(5);
        assertThat(book.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(book.get("isbn").asString()).hasSize(13);
    }

    @Test
    void the_romance_of_the_three_kingdoms_is_found_by_chinese_pinyin_initials_and_author_prefixes() {
        UUID bookId = CommandSide.registerBook("三国演义", List.of("罗贯中"), "古典小说", "39.50");

        List<String> queries = List.of("三国", "三国演义", "sanguo", "san guo", "SanGuo", "三guo", "sgyy", "sanguoyy",
                "罗贯中", "luo", "luogz", "lgz", "luoguanzhong");
        for (String q : queries) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(
                    () -> assertThat(bookIds(query.search(q))).as("search for %s", q).contains(bookId.toString()));
        }
    }

    @Test
    void polyphones_are_read_by_the_word_they_stand_in() {
        String tag = CommandSide.uniqueSuffix();
        UUID bookId = CommandSide.registerBook("重庆银行史 " + tag, List.of("曾国藩"), "历史", "12.00");

        for (String q : List.of("chongqingyinhang", "cqyh", "zengguofan", "zgf")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(
                    () -> assertThat(bookIds(query.search(q))).as("search for %s", q).contains(bookId.toString()));
        }
    }

    @Test
    void search_results_carry_facets_and_a_highlight_of_the_title() {
        String tag = CommandSide.uniqueSuffix();
        UUID bookId = CommandSide.registerBook("平凡的世界 " + tag, List.of("路遥"), "茅盾文学奖" + tag, "66.00");

        JsonNode result = await().atMost(Duration.ofSeconds(10)).until(
                () -> QuerySideClient.body(query.search("平凡的世界 " + tag)),
                body -> body.get("total").asLong() >= 1);

        assertThat(result.get("degraded").asBoolean()).isFalse();
        JsonNode first = result.get("items").get(0);
        assertThat(first.get("bookId").asString()).isEqualTo(bookId.toString());
        assertThat(first.get("price").asString()).isEqualTo("66.00");
        assertThat(first.get("highlight").asString()).contains("<em>");
        assertThat(result.get("facets").get("category").toString()).contains("茅盾文学奖" + tag);
    }

    @Test
    void filters_narrow_the_result_to_a_category_and_an_author() {
        String tag = CommandSide.uniqueSuffix();
        UUID wanted = CommandSide.registerBook("围城 " + tag, List.of("钱钟书"), "现代小说" + tag, "30.00");
        UUID other = CommandSide.registerBook("围城 " + tag + " 续", List.of("鲁迅"), "杂文" + tag, "30.00");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(bookIds(query.search("围城 " + tag))).contains(wanted.toString(), other.toString());
            assertThat(bookIds(query.get("/api/search?q=" + enc("围城 " + tag) + "&category=" + enc("现代小说" + tag))))
                    .containsExactly(wanted.toString());
            assertThat(bookIds(query.get("/api/search?q=" + enc("围城 " + tag) + "&author=" + enc("鲁迅"))))
                    .containsExactly(other.toString());
        });
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> bookIds(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        QuerySideClient.body(response).get("items").forEach(item -> ids.add(item.get("bookId").asString()));
        return ids;
    }
}
