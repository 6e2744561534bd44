package com.shucheng.catalogimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.shucheng.events.book.Author;
import com.shucheng.events.book.Category;
import com.shucheng.events.book.Isbn;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** scripts/demo-books.ndjson, the hand-written books scripts/demo-data.sh loads first. */
class DemoBooksTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static List<String> lines() throws Exception {
        return Files.readAllLines(Path.of(System.getProperty("shucheng.demoBooks", "../../scripts/demo-books.ndjson")));
    }

    @Test
    void every_demo_book_is_a_complete_valid_book() throws Exception {
        CatalogLines check = new CatalogLines();
        List<String> lines = lines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(40);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(check.parse(i + 1, lines.get(i))).as(lines.get(i)).isInstanceOf(ParsedLine.Sendable.class);
            JsonNode book = json.readTree(lines.get(i));
            String isbn = book.get("isbn").asString();
            assertThat(Isbn.parse(isbn)).as(isbn).contains(new Isbn(isbn));
            assertThat(Category.problem(book.get("category").asString())).isNull();
            assertThat(book.get("authors").values()).allSatisfy(a -> assertThat(Author.problem(a.asString())).isNull());
            assertThat(new BigDecimal(book.get("price").asString()).scale()).isEqualTo(2);
        }
    }

    @Test
    void demo_books_have_distinct_isbns_and_titles_outside_the_poetry_catalog_range() throws Exception {
        List<JsonNode> books = lines().stream().map(json::readTree).toList();

        assertThat(books).extracting(b -> b.get("isbn").asString()).doesNotHaveDuplicates()
                .noneMatch(isbn -> isbn.startsWith("97879"));
        assertThat(books).extracting(b -> b.get("title").asString()).doesNotHaveDuplicates()
                .contains("活着", "围城", "平凡的世界", "三体", "白鹿原", "边城", "骆驼祥子", "呐喊", "红高粱家族", "许三观卖血记");
    }
}
