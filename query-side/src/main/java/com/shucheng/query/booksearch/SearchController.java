package com.shucheng.query.booksearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.shucheng.query.system.BadQuery;
import com.shucheng.query.system.ReadsFrom;
import java.io.IOException;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over title, authors and category: Chinese, full pinyin, initials and prefixes. */
@RestController
@RequestMapping("/api/search")
@ReadsFrom(BookSearchProjection.GROUP)
class SearchController {

    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_SIZE = 100;
    /** Elasticsearch refuses to page past 10,000 hits without a scroll. */
    static final int MAX_WINDOW = 10_000;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final List<String> HIGHLIGHTED = List.of("title", "title.prefix", "title.pinyin", "authors",
            "authors.prefix", "authors.pinyin");

    private final ElasticsearchClient client;
    private final BookIndex index;

    SearchController(ElasticsearchClient client, BookIndex index) {
        this.client = client;
        this.index = index;
    }

    @GetMapping
    SearchResultView search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String author,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "10") int size) throws IOException {
        String text = validQuery(q);
        if (page < 1) {
            throw new BadQuery("INVALID_PAGE", "page", "page starts at 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadQuery("INVALID_SIZE", "size", "size must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new BadQuery("PAGE_TOO_DEEP", "page", "only the first " + MAX_WINDOW + " matches can be paged");
        }
        index.ensureExists();

        SearchResponse<BookDocument> response = client.search(s -> s
                .index(index.alias())
                .from((page - 1) * size)
                .size(size)
                .trackTotalHits(t -> t.enabled(true))
                .query(query(text, category, author))
                .highlight(h -> {
                    HIGHLIGHTED.forEach(field -> h.fields(field, f -> f.numberOfFragments(0)));
                    return h;
                })
                .aggregations("category", a -> a.terms(t -> t.field("category.keyword").size(20))),
                BookDocument.class);

        List<SearchResultView.Item> items = response.hits().hits().stream().map(SearchController::item).toList();
        List<SearchResultView.FacetCount> categories = response.aggregations().get("category").sterms().buckets()
                .array().stream()
                .map(bucket -> new SearchResultView.FacetCount(bucket.key().stringValue(), bucket.docCount()))
                .toList();
        long total = response.hits().total() == null ? items.size() : response.hits().total().value();
        return new SearchResultView(items, total, page, size, Map.of("category", categories), false);
    }

    private static String validQuery(String q) {
        if (q == null || q.isBlank()) {
            throw new BadQuery("EMPTY_QUERY", "q", "q must contain something to search for");
        }
        String text = q.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new BadQuery("QUERY_TOO_LONG", "q", "q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (CONTROL.matcher(text).find()) {
            throw new BadQuery("INVALID_QUERY", "q", "q must not contain control characters");
        }
        return text;
    }

    /**
     * Exact Chinese phrases score highest, then whole pinyin or initials, then pinyin prefixes. Only
     * match queries are used, so Lucene syntax in the input is just text.
     */
    private static Query query(String text, String category, String author) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .should(s -> s.matchPhrase(m -> m.field("title").query(text).boost(6f)))
                .should(s -> s.match(m -> m.field("title.pinyin").query(text).boost(4f)))
                .should(s -> s.match(m -> m.field("title.prefix").query(text).boost(2f)))
                .should(s -> s.matchPhrase(m -> m.field("authors").query(text).boost(5f)))
                .should(s -> s.match(m -> m.field("authors.pinyin").query(text).boost(3f)))
                .should(s -> s.match(m -> m.field("authors.prefix").query(text).boost(1.5f)))
                .should(s -> s.matchPhrase(m -> m.field("category").query(text)))
                .should(s -> s.match(m -> m.field("category.pinyin").query(text)))
                .minimumShouldMatch("1");
        if (category != null && !category.isBlank()) {
            bool.filter(f -> f.term(t -> t.field("category.keyword").value(category.strip())));
        }
        if (author != null && !author.isBlank()) {
            bool.filter(f -> f.term(t -> t.field("authors.keyword").value(author.strip())));
        }
        return bool.build()._toQuery();
    }

    private static SearchResultView.Item item(Hit<BookDocument> hit) {
        BookDocument book = hit.source();
        String highlight = HIGHLIGHTED.stream()
                .map(field -> hit.highlight().get(field))
                .filter(fragments -> fragments != null && !fragments.isEmpty())
                .map(fragments -> fragments.get(0))
                .findFirst().orElse(null);
        return new SearchResultView.Item(book.bookId(), book.title(), book.authors(), book.category(),
                book.price().setScale(2, RoundingMode.HALF_UP).toPlainString(), highlight);
    }
}
