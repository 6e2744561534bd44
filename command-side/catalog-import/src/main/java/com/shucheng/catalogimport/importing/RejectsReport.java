package com.shucheng.catalogimport.importing;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rejected lines, one JSON object per line in line order: {@code line}, {@code code},
 * {@code reason}, {@code errors} and the original {@code text}. Only the first few are kept in
 * memory, for the summary table, so a file of nothing but bad lines cannot exhaust the heap.
 */
final class RejectsReport implements Closeable {

    static final int KEPT_FOR_SUMMARY = 20;

    private final Path file;
    private final BufferedWriter out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Outcome> first = new ArrayList<>();
    private final Map<String, Long> byCode = new TreeMap<>();
    private long count;

    RejectsReport(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Truncated on every run, so a rejects file never shows lines from an earlier run.
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** Called in line order (by the collector), so the file reads top to bottom like the catalog. */
    void add(Outcome rejected) {
        ObjectNode line = json.createObjectNode();
        line.put("line", rejected.line());
        line.put("code", rejected.code());
        line.put("reason", rejected.reason());
        var errors = line.putArray("errors");
        rejected.errors().forEach(e -> errors.addObject().put("field", e.field()).put("message", e.message()));
        line.put("text", rejected.text());
        try {
            out.write(json.writeValueAsString(line));
            out.write('\n');
            // Rejects are rare in a good file; flushing each one lets an operator tail the file live.
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        count++;
        byCode.merge(rejected.code(), 1L, Long::sum);
        if (first.size() < KEPT_FOR_SUMMARY) {
            first.add(rejected);
        }
    }

    Path file() {
        return file;
    }

    long count() {
        return count;
    }

    List<Outcome> first() {
        return List.copyOf(first);
    }

    Map<String, Long> byCode() {
        return new LinkedHashMap<>(byCode);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
