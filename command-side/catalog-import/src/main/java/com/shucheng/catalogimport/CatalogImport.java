package com.shucheng.catalogimport;

import com.shucheng.catalogimport.importing.CatalogImporter;
import com.shucheng.catalogimport.importing.ImportSettings;
import com.shucheng.catalogimport.poetry.PoetryCatalog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** The operator's entry point: {@code java -jar catalog-import.jar import|build-poetry …}. */
public final class CatalogImport {

    static final int EXIT_USAGE = 2;

    private static final String USAGE = """
            usage:
              java -jar catalog-import.jar import --url URL --file CATALOG.ndjson [options]
                  Registers every line of CATALOG as a book through the command side (POST URL/api/books).
                  --concurrency N      register commands in flight at once (default 8)
                  --rejects FILE       where rejected lines go (default CATALOG.rejects.ndjson beside the file)
                  --summary FILE       also write the final counts as JSON, for scripts
                  --retries N          extra attempts after a 5xx, 429 or connection failure (default 4)
                  --timeout SECONDS    per request (default 30)
                  --token JWT          sent as Authorization: Bearer JWT
                  --progress MODE      auto | tty (one updating line) | plain (a line a second) | none
                Exit code: 0 when the file was processed (rejected lines included), 3 when the file
                cannot be read, 4 when the command side cannot be reached, 2 for bad arguments.

              java -jar catalog-import.jar build-poetry --source DIR --out CATALOG.ndjson [--limit N]
                  Builds a catalog from the chinese-poetry npm package installed at DIR
                  (the folder holding its package.json, or its dist/ folder).
            """;

    private CatalogImport() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || Set.of("-h", "--help", "help").contains(args[0])) {
            System.err.print(USAGE);
            return args.length == 0 ? EXIT_USAGE : 0;
        }
        try {
            return switch (args[0]) {
                case "import" -> importCatalog(new Arguments(args, 1,
                        Set.of("url", "file", "concurrency", "rejects", "summary", "retries", "timeout", "token",
                                "progress")));
                case "build-poetry" -> buildPoetry(new Arguments(args, 1, Set.of("source", "out", "limit")));
                default -> throw new Arguments.Invalid("unknown command '" + args[0] + "'");
            };
        } catch (Arguments.Invalid | IllegalArgumentException e) {
            System.err.println("catalog-import: " + e.getMessage());
            System.err.print(USAGE);
            return EXIT_USAGE;
        }
    }

    private static int importCatalog(Arguments arguments) {
        URI url = URI.create(arguments.required("url"));
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new Arguments.Invalid("--url must be an http:// or https:// URL");
        }
        Path catalog = Path.of(arguments.required("file"));
        String rejects = arguments.optional("rejects", null);
        String summary = arguments.optional("summary", null);
        ImportSettings.ProgressMode progress;
        try {
            progress = ImportSettings.ProgressMode.valueOf(arguments.optional("progress", "auto").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Arguments.Invalid("--progress must be auto, tty, plain or none");
        }
        ImportSettings settings = new ImportSettings(url, catalog,
                arguments.integer("concurrency", ImportSettings.DEFAULT_CONCURRENCY),
                rejects == null ? ImportSettings.defaultRejects(catalog) : Path.of(rejects),
                summary == null ? null : Path.of(summary),
                arguments.integer("retries", ImportSettings.DEFAULT_RETRIES),
                Duration.ofSeconds(arguments.integer("timeout",
                        (int) ImportSettings.DEFAULT_REQUEST_TIMEOUT.toSeconds())),
                ImportSettings.DEFAULT_FIRST_BACKOFF,
                arguments.optional("token", null),
                progress);
        return CatalogImporter.run(settings, System.out, System.err);
    }

    private static int buildPoetry(Arguments arguments) {
        int limit = arguments.integer("limit", 0);
        if (limit < 0) {
            throw new Arguments.Invalid("--limit must be 0 (no limit) or more");
        }
        return PoetryCatalog.build(Path.of(arguments.required("source")), Path.of(arguments.required("out")), limit,
                System.out, System.err);
    }
}
