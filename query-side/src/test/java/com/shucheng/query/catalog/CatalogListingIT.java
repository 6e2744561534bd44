package com.shucheng.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shucheng.query.CommandSide;
import com.shucheng.query.QuerySideClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/books over HTTP, with books written through the running command side. Every test works in
 * a category (and with authors) of its own, so other tests' books never get in the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogListingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    QuerySideClient query;
    String tag;
    String category;

    @BeforeEach
    void setUp() {
        query = new QuerySideClient(port);
        tag = CommandSide.uniqueSuffix();
        category = "列表" + tag;
    }

    @Test
    void each_sort_orders_the_books_as_documented() {
        UUID zebra = register("Zebra", "30.00");
        UUID an = register("安娜", "10.00");
        UUID chaguan = register("茶馆", "50.00");
        UUID aniu = register("阿牛", "20.00");
        UUID bailu = register("白鹿原", "40.00");
        awaitTotal("category=" + enc(category), 5);

        assertThat(ids("category=" + enc(category))).as("default: title in pinyin order")
                .containsExactly(aniu, an, bailu, chaguan, zebra);
        assertThat(ids("category=" + enc(category) + "&sort=title")).containsExactly(aniu, an, bailu, chaguan, zebra);
        assertThat(ids("category=" + enc(category) + "&sort=price")).containsExactly(an, aniu, zebra, bailu, chaguan);
        assertThat(ids("category=" + enc(category) + "&sort=-price")).containsExactly(chaguan, bailu, zebra, aniu, an);
        assertThat(ids("category=" + enc(category) + "&sort=newest")).containsExactly(bailu, aniu, chaguan, an, zebra);
        assertThat(ids("category=" + enc(category) + "&sort=-sales")).as("no sales yet: ties fall back to book id")
                .containsExactlyElementsOf(descending(zebra, an, chaguan, aniu, bailu));
    }

    @Test
    void equal_prices_are_ordered_by_book_id_so_pages_are_stable() {
        List<UUID> books = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            books.add(register("同价" + i, "25.00"));
        }
        awaitTotal("category=" + enc(category), 4);

        assertThat(ids("category=" + enc(category) + "&sort=price")).containsExactlyElementsOf(
                books.stream().sorted(Comparator.comparing(UUID::toString)).toList());
    }

    @Test
    void pages_split_the_listing_and_report_the_whole_total() {
        List<UUID> books = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            books.add(register("分页" + i, "1" + i + ".00"));
        }
        String filter = "category=" + enc(category) + "&sort=price&size=2";
        awaitTotal(filter, 5);

        JsonNode first = list(filter + "&page=1");
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(5);
        List<UUID> all = new ArrayList<>(ids(filter + "&page=1"));
        all.addAll(ids(filter + "&page=2"));
        all.addAll(ids(filter + "&page=3"));
        assertThat(all).containsExactlyElementsOf(books);

        JsonNode beyond = list(filter + "&page=4");
        assertThat(beyond.get("items").size()).isZero();
        assertThat(beyond.get("total").asLong()).isEqualTo(5);
        assertThat(beyond.get("page").asInt()).isEqualTo(4);
    }

    @Test
    void items_carry_every_field_of_a_book() {
        UUID book = register("骆驼祥子", "32.50");
        awaitTotal("category=" + enc(category), 1);

        JsonNode item = list("category=" + enc(category)).get("items").get(0);
        assertThat(item.get("bookId").asString()).isEqualTo(book.toString());
        assertThat(item.get("title").asString()).isEqualTo("骆驼祥子");
        assertThat(item.get("authors").get(0).asString()).isEqualTo("老舍" + tag);
        assertThat(item.get("category").asString()).isEqualTo(category);
        assertThat(item.get("price").asString()).isEqualTo("32.50");
        assertThat(item.get("lendableCopies").asInt()).isEqualTo(2);
        assertThat(item.get("availableCopies").asInt()).isEqualTo(2);
        assertThat(item.get("stock").asInt()).isEqualTo(5);
        assertThat(item.get("availableStock").asInt()).isEqualTo(5);
        assertThat(item.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(item.get("isbn").asString()).hasSize(13);
    }

    @Test
    void the_category_filter_matches_exactly() {
        UUID wanted = register("边城", "20.00");
        String near = category + "续";
        CommandSide.registerBook("边城", List.of("沈从文"), near, "20.00");
        awaitTotal("category=" + enc(near), 1);

        assertThat(ids("category=" + enc(category))).containsExactly(wanted);
    }

    @Test
    void the_author_filter_matches_any_one_of_a_books_authors() {
        String author = "合著者" + tag;
        UUID alone = CommandSide.registerBook("独著", List.of(author), category, "10.00");
        UUID second = CommandSide.registerBook("合著", List.of("甲" + tag, author), category, "20.00");
        UUID elsewhere = CommandSide.registerBook("别处", List.of(author), "别类" + tag, "30.00");
        register("无关", "40.00");
        awaitTotal("category=" + enc(category), 3);

        assertThat(ids("author=" + enc(author) + "&sort=price")).containsExactly(alone, second, elsewhere);
        assertThat(total("author=" + enc(author))).isEqualTo(3);
        assertThat(ids("author=" + enc(author) + "&category=" + enc(category) + "&sort=price"))
                .containsExactly(alone, second);
    }

    @Test
    void the_price_range_includes_both_ends() {
        register("九块九", "9.99");
        UUID ten = register("十块", "10.00");
        UUID twenty = register("二十块五", "20.50");
        register("二十块五毛一", "20.51");
        awaitTotal("category=" + enc(category), 4);

        String filter = "category=" + enc(category) + "&minPrice=10&maxPrice=20.50&sort=price";
        assertThat(ids(filter)).containsExactly(ten, twenty);
        assertThat(total(filter)).isEqualTo(2);
        assertThat(total("category=" + enc(category) + "&minPrice=10")).isEqualTo(3);
        assertThat(total("category=" + enc(category) + "&maxPrice=10")).isEqualTo(2);
        assertThat(total("category=" + enc(category) + "&minPrice=5&maxPrice=30")).isEqualTo(4);
    }

    @Test
    void availability_means_a_copy_to_lend_or_one_to_sell() {
        UUID lendOnly = CommandSide.registerBook("可借", List.of("甲" + tag), category, "10.00", 1, 0);
        UUID sellOnly = CommandSide.registerBook("可买", List.of("甲" + tag), category, "20.00", 0, 1);
        UUID neither = CommandSide.registerBook("皆无", List.of("甲" + tag), category, "30.00", 0, 0);
        awaitTotal("category=" + enc(category), 3);

        assertThat(ids("category=" + enc(category) + "&available=true&sort=price")).containsExactly(lendOnly, sellOnly);
        assertThat(total("category=" + enc(category) + "&available=true")).isEqualTo(2);
        assertThat(ids("category=" + enc(category) + "&available=false")).containsExactly(neither);
        assertThat(total("category=" + enc(category) + "&available=false")).isEqualTo(1);
    }

    @Test
    void new_copies_or_stock_make_a_book_available() {
        UUID copies = CommandSide.registerBook("添副本", List.of("甲" + tag), category, "10.00", 0, 0);
        UUID stock = CommandSide.registerBook("补库存", List.of("甲" + tag), category, "20.00", 0, 0);
        awaitTotal("category=" + enc(category) + "&available=false", 2);

        CommandSide.addCopies(copies, 3);
        CommandSide.restock(stock, 4);

        awaitTotal("category=" + enc(category) + "&available=true", 2);
        assertThat(total("category=" + enc(category) + "&available=false")).isZero();
        JsonNode lendable = book(copies);
        assertThat(lendable.get("lendableCopies").asInt()).isEqualTo(3);
        assertThat(lendable.get("availableCopies").asInt()).isEqualTo(3);
        JsonNode sellable = book(stock);
        assertThat(sellable.get("stock").asInt()).isEqualTo(4);
        assertThat(sellable.get("availableStock").asInt()).isEqualTo(4);
    }

    @Test
    void an_update_moves_a_book_to_its_new_category_title_author_and_price() {
        UUID book = register("旧书名", "10.00");
        String moved = "新类" + tag;
        String author = "新作者" + tag;
        awaitTotal("category=" + enc(category), 1);

        CommandSide.updateBook(book, Map.of("title", "新书名", "category", moved, "authors", List.of(author),
                "price", "99.00"));

        awaitTotal("category=" + enc(moved), 1);
        assertThat(total("category=" + enc(category))).isZero();
        assertThat(ids("author=" + enc(author))).containsExactly(book);
        assertThat(total("author=" + enc("老舍" + tag))).isZero();
        assertThat(total("category=" + enc(moved) + "&minPrice=99&maxPrice=99")).isEqualTo(1);
        JsonNode item = list("category=" + enc(moved)).get("items").get(0);
        assertThat(item.get("title").asString()).isEqualTo("新书名");
        assertThat(item.get("price").asString()).isEqualTo("99.00");
    }

    @Test
    void a_retired_book_leaves_the_listings_but_can_still_be_read() {
        UUID kept = register("留下", "10.00");
        UUID retired = register("退役", "20.00");
        awaitTotal("category=" + enc(category), 2);

        CommandSide.retire(retired);

        awaitTotal("category=" + enc(category), 1);
        assertThat(ids("category=" + enc(category))).containsExactly(kept);
        assertThat(total("author=" + enc("老舍" + tag))).isEqualTo(1);
        assertThat(total("category=" + enc(category) + "&available=true")).isEqualTo(1);
        assertThat(total("category=" + enc(category) + "&minPrice=0")).isEqualTo(1);
        JsonNode book = book(retired);
        assertThat(book.get("status").asString()).isEqualTo("RETIRED");
        assertThat(book.get("title").asString()).isEqualTo("退役");
    }

    @Test
    void the_whole_catalog_listing_answers_with_a_total() {
        register("总数", "10.00");
        awaitTotal("category=" + enc(category), 1);

        JsonNode all = list("");
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(all.get("size").asInt()).isEqualTo(20);
        assertThat(all.get("items").size()).isBetween(1, 20);
        for (String sort : List.of("title", "price", "-price", "newest", "-sales")) {
            assertThat(query.get("/api/books?sort=" + enc(sort) + "&available=true&page=2").statusCode()).isEqualTo(200);
        }
    }

    private UUID register(String title, String price) {
        return CommandSide.registerBook(title, List.of("老舍" + tag), category, price);
    }

    private void awaitTotal(String filter, long total) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(total(filter)).isEqualTo(total));
    }

    private long total(String filter) {
        return list(filter).get("total").asLong();
    }

    private JsonNode list(String filter) {
        HttpResponse<String> response = query.get("/api/books?" + filter);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return QuerySideClient.body(response);
    }

    private List<UUID> ids(String filter) {
        List<UUID> ids = new ArrayList<>();
        list(filter).get("items").forEach(item -> ids.add(UUID.fromString(item.get("bookId").asString())));
        return ids;
    }

    private JsonNode book(UUID bookId) {
        HttpResponse<String> response = query.get("/api/books/" + bookId);
        assertThat(response.statusCode()).isEqualTo(200);
        return QuerySideClient.body(response);
    }

    /** PostgreSQL orders uuid by its bytes, as UUID's string form sorts (UUID.compareTo is signed, so differs). */
    private static List<UUID> descending(UUID... ids) {
        return java.util.Arrays.stream(ids).sorted(Comparator.comparing(UUID::toString).reversed()).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
