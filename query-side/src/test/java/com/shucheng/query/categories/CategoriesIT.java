package com.shucheng.query.categories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shucheng.events.book.BookDetailsUpdated;
import com.shucheng.events.book.BookRegistered;
import com.shucheng.events.book.BookRetired;
import com.shucheng.query.CommandSide;
import com.shucheng.query.QuerySideClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
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

/**
 * GET /api/categories with books written through the running command side, and the projection's
 * handlers called twice directly. Category names are unique per test; other tests' categories are there too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CategoriesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    CategoriesProjection projection;
    @Autowired
    JdbcClient db;
    QuerySideClient query;
    String tag;

    @BeforeEach
    void setUp() {
        query = new QuerySideClient(port);
        tag = CommandSide.uniqueSuffix();
    }

    @Test
    void each_category_counts_its_active_books() {
        String poetry = "唐诗" + tag;
        String prose = "散文" + tag;
        CommandSide.registerBook("静夜思", List.of("李白"), poetry, "10.00");
        CommandSide.registerBook("春晓", List.of("孟浩然"), poetry, "10.00");
        CommandSide.registerBook("背影", List.of("朱自清"), prose, "10.00");

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(allCategories("name")).containsEntry(poetry, 2).containsEntry(prose, 1));
    }

    @Test
    void moving_a_book_moves_its_count_and_an_empty_category_disappears() {
        String from = "旧类" + tag;
        String to = "新类" + tag;
        UUID book = CommandSide.registerBook("搬家", List.of("某人"), from, "10.00");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allCategories("name")).containsEntry(from, 1));

        CommandSide.updateBook(book, Map.of("category", to));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(allCategories("name")).doesNotContainKey(from).containsEntry(to, 1));
    }

    @Test
    void an_update_that_keeps_the_category_changes_no_count() {
        String shelf = "不变" + tag;
        UUID book = CommandSide.registerBook("原名", List.of("某人"), shelf, "10.00");
        CommandSide.registerBook("另一本", List.of("某人"), shelf, "10.00");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allCategories("name")).containsEntry(shelf, 2));

        CommandSide.updateBook(book, Map.of("title", "新名", "price", "12.00"));
        String marker = "标记" + tag;
        CommandSide.registerBook("之后", List.of("某人"), marker, "10.00");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allCategories("name")).containsKey(marker));
        assertThat(allCategories("name")).containsEntry(shelf, 2);
    }

    @Test
    void retiring_a_book_takes_it_out_of_its_category() {
        String shelf = "退役类" + tag;
        UUID first = CommandSide.registerBook("其一", List.of("某人"), shelf, "10.00");
        UUID second = CommandSide.registerBook("其二", List.of("某人"), shelf, "10.00");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allCategories("name")).containsEntry(shelf, 2));

        CommandSide.retire(first);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allCategories("name")).containsEntry(shelf, 1));

        CommandSide.retire(second);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allCategories("name")).doesNotContainKey(shelf));
    }

    @Test
    void categories_come_by_name_or_most_books_first_in_pages_with_a_total() {
        String big = "大类" + tag;
        for (int i = 0; i < 3; i++) {
            CommandSide.registerBook("大类之书" + i, List.of("某人"), big, "10.00");
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allCategories("name")).containsEntry(big, 3));

        List<JsonNode> byName = items("name");
        assertThat(byName).extracting(item -> item.get("name").asString()).isSorted();
        assertThat(items("-books")).extracting(item -> -item.get("books").asInt()).isSorted();
        JsonNode page = body("/api/categories?size=1&page=2");
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isEqualTo(byName.size());
    }

    @Test
    void handling_each_event_twice_counts_once() {
        UUID book = UUID.randomUUID();
        String a = "重放甲" + tag;
        String b = "重放乙" + tag;
        try {
            BookRegistered registered = new BookRegistered(book, CommandSide.randomIsbn13(), "重放", List.of("某人"), a,
                    BigDecimal.TEN, 1, 1);
            projection.on(registered);
            projection.on(registered);
            assertThat(counts(a, b)).isEqualTo(Map.of(a, 1));

            BookDetailsUpdated updated = new BookDetailsUpdated(book, "重放", List.of("某人"), b, BigDecimal.TEN);
            projection.on(updated);
            projection.on(updated);
            assertThat(counts(a, b)).isEqualTo(Map.of(b, 1));

            projection.on(new BookRetired(book));
            projection.on(new BookRetired(book));
            assertThat(counts(a, b)).isEmpty();
        } finally {
            db.sql("delete from query.category_book where book_id = ?").param(book).update();
            db.sql("delete from query.category where name in (?, ?)").params(a, b).update();
        }
    }

    private Map<String, Integer> counts(String... names) {
        Map<String, Integer> counts = new HashMap<>();
        db.sql("select name, books from query.category where name = any(?)").param(names)
                .query((row, n) -> counts.put(row.getString("name"), row.getInt("books"))).list();
        return counts;
    }

    private Map<String, Integer> allCategories(String sort) {
        Map<String, Integer> categories = new HashMap<>();
        items(sort).forEach(item -> categories.put(item.get("name").asString(), item.get("books").asInt()));
        return categories;
    }

    private List<JsonNode> items(String sort) {
        return query.allItems("/api/categories", sort);
    }

    private JsonNode body(String path) {
        return query.okBody(path);
    }
}
