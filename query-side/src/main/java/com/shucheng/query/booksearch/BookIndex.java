package com.shucheng.query.booksearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search index, always reached through the alias {@code <prefix>books}, which points at a
 * versioned index ({@code <prefix>books-v1}) so that a rebuild can fill a new version and swap the
 * alias without taking searches down.
 */
@Component
class BookIndex {

    static final int VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(BookIndex.class);

    private final ElasticsearchClient client;
    private final String alias;
    private volatile boolean ready;

    BookIndex(ElasticsearchClient client, @Value("${shucheng.search.index-prefix}") String prefix) {
        this.client = client;
        this.alias = prefix + "books";
    }

    String alias() {
        return alias;
    }

    String versionedName() {
        return alias + "-v" + VERSION;
    }

    /**
     * Creates the versioned index with our pinyin mapping and points the alias at it, unless the
     * alias exists. Called before every write batch (cheap once ready) so the index appears as soon
     * as Elasticsearch is reachable, and never by dynamic mapping of a first document.
     */
    void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            try (InputStream mapping = BookIndex.class.getResourceAsStream("books-index.json")) {
                client.indices().create(c -> c.index(versionedName()).withJson(mapping).aliases(alias, a -> a));
                log.info("created search index {} behind alias {}", versionedName(), alias);
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        } else {
            applyRefreshInterval();
        }
        ready = true;
    }

    /**
     * The refresh interval is a dynamic setting: an index created by an older version of this app
     * gets the interval of books-index.json without being rebuilt.
     */
    private void applyRefreshInterval() throws IOException {
        String interval;
        try (InputStream mapping = BookIndex.class.getResourceAsStream("books-index.json")) {
            interval = JsonMapper.shared().readTree(mapping).path("settings").path("refresh_interval").asString();
        }
        client.indices().putSettings(p -> p.index(alias).settings(s -> s.refreshInterval(t -> t.time(interval))));
    }

    void ensureExistsQuietly() {
        try {
            ensureExists();
        } catch (IOException | RuntimeException e) {
            log.warn("search index not ready yet ({}); the search projection will retry", e.toString());
        }
    }
}
