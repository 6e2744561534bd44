package com.shucheng.query;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    public static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
