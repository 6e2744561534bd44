package com.shucheng.catalogimport.poetry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the demo catalog (NDJSON, one book a line) from the {@code chinese-poetry} npm package.
 *
 * <p>The output depends only on the package's files: the same package gives the same file byte for
 * byte, so importing a rebuilt catalog adds nothing twice. It is written to a temporary file and
 * moved into place, so an interrupted build never leaves half a catalog behind.
 */
public final class PoetryCatalog {

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_SOURCE = 3;

    private final JsonMapper json = JsonMapper.builder().build();
    private final PoemMapper mapper = new PoemMapper();
    private final Map<Collection, Counts> counts = new EnumMap<>(Collection.class);

    private static final class Counts {
        long read;
        long written;
        final Map<PoemMapper.Skip, Long> skipped = new EnumMap<>(PoemMapper.Skip.class);

        long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private PoetryCatalog() {
    }

    /** Builds the catalog; {@code limit} 0 means every book. Answers the process exit code. */
    public static int build(Path source, Path out, int limit, PrintStream report, PrintStream err) {
        Path dist = Files.isDirectory(source.resolve("dist")) ? source.resolve("dist") : source;
        try {
            new PoetryCatalog().write(dist, out, limit, report);
            return EXIT_OK;
        } catch (IOException | JacksonException e) {
            err.println("catalog-import build-poetry: " + e.getMessage());
            return EXIT_BAD_SOURCE;
        }
    }

    private void write(Path dist, Path out, int limit, PrintStream report) throws IOException {
        Path absolute = out.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        long written = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            collections:
            for (Collection collection : Collection.values()) {
                Counts tally = counts.computeIfAbsent(collection, c -> new Counts());
                int index = 0;
                for (Path file : collection.files(dist)) {
                    JsonNode poems = json.readTree(file.toFile());
                    if (!poems.isArray()) {
                        throw new IOException(file + " is not a JSON array of poems");
                    }
                    for (JsonNode poem : poems) {
                        if (limit > 0 && written >= limit) {
                            break collections;
                        }
                        tally.read++;
                        switch (mapper.map(collection, index++, poem)) {
                            case PoemMapper.Kept kept -> {
                                writer.write(line(kept.book()));
                                writer.write('\n');
                                tally.written++;
                                written++;
                            }
                            case PoemMapper.Skipped skipped -> tally.skipped.merge(skipped.reason(), 1L, Long::sum);
                        }
                    }
                }
            }
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        report.print(summary(absolute, written));
    }

    private String line(CatalogBook book) {
        ObjectNode node = json.createObjectNode();
        node.put("isbn", book.isbn());
        node.put("title", book.title());
        var authors = node.putArray("authors");
        book.authors().forEach(authors::add);
        node.put("category", book.category());
        node.put("price", book.price().toPlainString());
        node.put("lendableCopies", book.lendableCopies());
        node.put("stock", book.stock());
        return json.writeValueAsString(node);
    }

    private String summary(Path out, long written) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "build-poetry: %,d books written to %s%n", written, out));
        text.append(String.format(Locale.ROOT, "  %s %-10s %10s %10s %10s  %s%n",
                padded("category", 8), "isbn", "poems", "books", "skipped", "why skipped"));
        for (Map.Entry<Collection, Counts> entry : counts.entrySet()) {
            Collection collection = entry.getKey();
            Counts c = entry.getValue();
            List<String> reasons = c.skipped.entrySet().stream()
                    .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                    .toList();
            text.append(String.format(Locale.ROOT, "  %s %-10s %,10d %,10d %,10d  %s%n",
                    padded(collection.category, 8), "978-7-" + collection.isbnBlock + "…",
                    c.read, c.written, c.skippedTotal(), String.join(", ", reasons)));
        }
        return text.toString();
    }

    /** Pads to a terminal width in which a Chinese character takes two columns. */
    static String padded(String text, int columns) {
        int width = text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
        return text + " ".repeat(Math.max(0, columns - width));
    }
}
