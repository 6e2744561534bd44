package com.shucheng.query;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP access to the query-side app under test. */
public final class QuerySideClient {

    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public QuerySideClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public HttpResponse<String> search(String q) {
        return get("/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    /** The body of a GET that must answer 200. */
    public JsonNode okBody(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return body(response);
    }

    /** The items of every page of a paged list ({@code /api/authors}, …) in one order, 100 a page. */
    public List<JsonNode> allItems(String listPath, String sort) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = okBody(listPath + "?size=100&sort=" + sort + "&page=" + page);
            body.get("items").forEach(items::add);
            if ((long) page * 100 >= body.get("total").asLong()) {
                return items;
            }
        }
    }

    public static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
