package com.shucheng.catalogimport.poetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.shucheng.events.book.Author;
import com.shucheng.events.book.Category;
import com.shucheng.events.book.Isbn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds from a few records in the layout of chinese-poetry 2.0.1 (src/test/resources/chinese-poetry). */
class PoetryCatalogTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream report = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path fixture() throws Exception {
        return Path.of(getClass().getResource("/chinese-poetry").toURI());
    }

    private List<JsonNode> build(Path source, String name, int limit) throws Exception {
        Path out = dir.resolve(name);
        int exit = PoetryCatalog.build(source, out, limit, new PrintStream(report, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(PoetryCatalog.EXIT_OK);
        return Files.readAllLines(out).stream().map(json::readTree).toList();
    }

    @Test
    void every_collection_becomes_books_in_order_with_song_shi_last() throws Exception {
        List<JsonNode> books = build(fixture(), "catalog.ndjson", 0);

        assertThat(books).extracting(b -> b.get("category").asString() + " " + b.get("title").asString()).containsExactly(
                "诗经 关雎", "诗经 扬之水", "诗经 扬之水·郑风",
                "楚辞 离骚",
                "汉魏诗 观沧海",
                "五代词 菩萨蛮 其一", "五代词 河满子", "五代词 虞美人·春花秋月何时了",
                "唐诗 靜夜思", "唐诗 奉和聖製送張說巡邊", "唐诗 長聞鄉人語", "唐诗 春望",
                "宋词 浣溪沙·山下兰芽短浸溪", "宋词 浣溪沙·细雨斜风作晓寒", "宋词 声声慢·寻寻觅觅",
                "元曲 诈妮子调风月・仙吕/点绛唇", "元曲 杀狗记・前腔", "元曲 杀狗记・前腔·东人富室豪门",
                "清词 长相思·山一程",
                "宋诗 日詩", "宋诗 句", "宋诗 句·一輪頃刻上天衢", "宋诗 靖康小雅");
        assertThat(books.get(4).get("authors").get(0).asString()).isEqualTo("曹操");
        assertThat(books.get(22).get("authors").get(0).asString()).isEqualTo("无名氏");
    }

    @Test
    void isbns_count_skipped_records_and_read_numbered_files_in_numeric_order() throws Exception {
        List<JsonNode> books = build(fixture(), "catalog.ndjson", 0);

        // poet.tang.0 holds positions 0-1, poet.tang.200 2-3, poet.tang.1000 4-5; 春望 is the sixth record.
        JsonNode chunWang = books.stream().filter(b -> b.get("title").asString().equals("春望")).findFirst().orElseThrow();
        assertThat(chunWang.get("isbn").asString()).isEqualTo(GeneratedIsbn.of(94, 5));
    }

    @Test
    void every_line_is_a_book_the_command_side_accepts() throws Exception {
        List<JsonNode> books = build(fixture(), "catalog.ndjson", 0);

        assertThat(books).extracting(b -> b.get("isbn").asString()).doesNotHaveDuplicates()
                .allSatisfy(isbn -> assertThat(Isbn.parse(isbn)).contains(new Isbn(isbn)));
        assertThat(books).allSatisfy(book -> {
            assertThat(book.propertyNames()).containsExactly(
                    "isbn", "title", "authors", "category", "price", "lendableCopies", "stock");
            assertThat(Category.problem(book.get("category").asString())).isNull();
            assertThat(book.get("authors").values()).isNotEmpty()
                    .allSatisfy(author -> assertThat(Author.problem(author.asString())).isNull());
            assertThat(book.get("title").asString()).isNotBlank().hasSizeLessThanOrEqualTo(PoemMapper.MAX_TITLE_LENGTH);
            assertThat(book.get("price").isString()).isTrue();
            assertThat(new BigDecimal(book.get("price").asString()).scale()).isEqualTo(2);
            assertThat(book.get("lendableCopies").asInt()).isBetween(0, 10_000);
            assertThat(book.get("stock").asInt()).isBetween(0, 1_000_000);
        });
    }

    @Test
    void building_twice_gives_the_same_file_byte_for_byte() throws Exception {
        build(fixture(), "first.ndjson", 0);
        build(fixture(), "second.ndjson", 0);

        assertThat(Files.mismatch(dir.resolve("first.ndjson"), dir.resolve("second.ndjson"))).isEqualTo(-1L);
    }

    @Test
    void a_limit_keeps_the_first_books_of_the_full_catalog() throws Exception {
        List<JsonNode> all = build(fixture(), "all.ndjson", 0);
        List<JsonNode> first = build(fixture(), "first.ndjson", 10);

        assertThat(first).hasSize(10).isEqualTo(all.subList(0, 10));
    }

    @Test
    void the_report_counts_poems_books_and_skips_per_collection() throws Exception {
        build(fixture().resolve("dist"), "catalog.ndjson", 0);

        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("23 books written");
        assertThat(text.lines().filter(l -> l.contains("唐诗")).findFirst().orElseThrow())
                .contains("978-7-94…").containsPattern("6\\s+4\\s+2\\s+bad_author 1, no_title 1");
        assertThat(text.lines().filter(l -> l.contains("宋词")).findFirst().orElseThrow()).contains("duplicate 1");
    }

    @Test
    void a_folder_that_is_not_the_package_is_refused_and_leaves_no_catalog() throws Exception {
        Path out = dir.resolve("catalog.ndjson");

        int exit = PoetryCatalog.build(dir, out, 0, new PrintStream(report, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(PoetryCatalog.EXIT_BAD_SOURCE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing").contains("shijing.json");
        assertThat(out).doesNotExist();
    }
}
