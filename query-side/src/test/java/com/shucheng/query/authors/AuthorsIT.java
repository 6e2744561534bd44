package com.shucheng.query.authors;

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
 * GET /api/authors with books written through the running command side, and the projection's
 * handlers called twice directly. Author names are unique per test; other tests' authors are there too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    AuthorsProjection projection;
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
    void each_author_counts_the_active_books_that_credit_them() {
        String lu = "鲁迅" + tag;
        String xu = "许广平" + tag;
        CommandSide.registerBook("呐喊", List.of(lu), "小说", "20.00");
        CommandSide.registerBook("两地书", List.of(lu, xu), "书信", "30.00");

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Integer> authors = allAuthors("name");
            assertThat(authors).containsEntry(lu, 2).containsEntry(xu, 1);
        });
    }

    @Test
    void an_update_moves_the_count_to_the_new_authors_and_an_author_without_books_disappears() {
        String before = "旧作者" + tag;
        String after = "新作者" + tag;
        String kept = "留作者" + tag;
        UUID book = CommandSide.registerBook("改名", List.of(before, kept), "小说", "20.00");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allAuthors("name")).containsEntry(before, 1));

        CommandSide.updateBook(book, Map.of("authors", List.of(kept, after)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Integer> authors = allAuthors("name");
            assertThat(authors).doesNotContainKey(before).containsEntry(after, 1).containsEntry(kept, 1);
        });
    }

    @Test
    void retiring_a_book_takes_it_out_of_its_authors_counts() {
        String author = "退役作者" + tag;
        UUID first = CommandSide.registerBook("其一", List.of(author), "小说", "20.00");
        UUID second = CommandSide.registerBook("其二", List.of(author), "小说", "20.00");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allAuthors("name")).containsEntry(author, 2));

        CommandSide.retire(first);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allAuthors("name")).containsEntry(author, 1));

        CommandSide.retire(second);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allAuthors("name")).doesNotContainKey(author));
    }

    @Test
    void authors_come_by_name_or_most_books_first_in_pages_with_a_total() {
        String prolific = "多产" + tag;
        for (int i = 0; i < 3; i++) {
            CommandSide.registerBook("多产之作" + i, List.of(prolific), "小说", "20.00");
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(allAuthors("name")).containsEntry(prolific, 3));

        List<JsonNode> byName = items("name");
        assertThat(byName).extracting(item -> item.get("name").asString()).isSorted();
        List<JsonNode> byBooks = items("-books");
        assertThat(byBooks).extracting(item -> -item.get("books").asInt()).isSorted();
        JsonNode page = body("/api/authors?size=1&page=2");
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isEqualTo(byName.size());
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(1);
    }

    @Test
    void handling_each_event_twice_counts_once() {
        UUID book = UUID.randomUUID();
        String a = "重放甲" + tag;
        String b = "重放乙" + tag;
        String c = "重放丙" + tag;
        try {
            BookRegistered registered = new BookRegistered(book, CommandSide.randomIsbn13(), "重放", List.of(a, b, a),
                    "小说", BigDecimal.TEN, 1, 1);
            projection.on(registered);
            projection.on(registered);
            assertThat(counts(a, b, c)).isEqualTo(Map.of(a, 1, b, 1));

            BookDetailsUpdated updated = new BookDetailsUpdated(book, "重放", List.of(b, c), "小说", BigDecimal.TEN);
            projection.on(updated);
            projection.on(updated);
            assertThat(counts(a, b, c)).isEqualTo(Map.of(b, 1, c, 1));

            projection.on(new BookRetired(book));
            projection.on(new BookRetired(book));
            assertThat(counts(a, b, c)).isEmpty();

            projection.on(updated);
            assertThat(counts(a, b, c)).as("a retired book is not credited again").isEmpty();
        } finally {
            db.sql("delete from query.author_book where book_id = ?").param(book).update();
            db.sql("delete from query.author where name in (?, ?, ?)").params(a, b, c).update();
        }
    }

    private Map<String, Integer> counts(String... names) {
        Map<String, Integer> counts = new HashMap<>();
        db.sql("select name, books from query.author where name = any(?)").param(names)
                .query((row, n) -> counts.put(row.getString("name"), row.getInt("books"))).list();
        return counts;
    }

    private Map<String, Integer> allAuthors(String sort) {
        Map<String, Integer> authors = new HashMap<>();
        items(sort).forEach(item -> authors.put(item.get("name").asString(), item.get("books").asInt()));
        return authors;
    }

    private List<JsonNode> items(String sort) {
        return query.allItems("/api/authors", sort);
    }

    private JsonNode body(String path) {
        return query.okBody(path);
    }
}
