package com.shucheng.catalogimport.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams an NDJSON catalog into the command side, {@code concurrency} register commands at a time.
 *
 * <p>The file is read one line at a time: at most {@code concurrency} requests are in flight, and
 * finished lines wait in a bounded window only until every earlier line has finished, so the
 * rejects file comes out in line order whatever order the answers arrive in.
 */
public final class CatalogImporter {

    public static final int EXIT_OK = 0;
    public static final int EXIT_CANNOT_READ = 3;
    public static final int EXIT_UNREACHABLE = 4;

    private static final int WINDOW = 4096;
    private static final CompletableFuture<Outcome> END = new CompletableFuture<>();

    private final ImportSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final String runId = newRunId();
    private final CatalogLines lines = new CatalogLines();
    private final AtomicBoolean stopReading = new AtomicBoolean();
    private final AtomicInteger unreachableInARow = new AtomicInteger();
    private final int unreachableLimit;

    private CatalogImporter(ImportSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        // Several lines in a row that could not reach the server (each after its retries) mean it is
        // gone; stop instead of spending the retries on every remaining line.
        this.unreachableLimit = Math.max(16, 2 * settings.concurrency());
    }

    /** Runs the import and answers the process exit code. */
    public static int run(ImportSettings settings, PrintStream out, PrintStream err) {
        return new CatalogImporter(settings, out, err).run();
    }

    private int run() {
        Path catalog = settings.catalog();
        long total;
        try {
            total = countLines(catalog);
        } catch (IOException e) {
            err.println("catalog-import: cannot read " + catalog + ": " + e);
            return EXIT_CANNOT_READ;
        }
        CommandSide commandSide = new CommandSide(settings.commandSide(), runId, settings.requestTimeout(),
                settings.retries(), settings.firstBackoff(), settings.bearerToken());
        Optional<String> unreachable = commandSide.unreachableReason();
        if (unreachable.isPresent()) {
            err.println("catalog-import: cannot reach the command side at " + settings.commandSide() + ": "
                    + unreachable.get());
            return EXIT_UNREACHABLE;
        }
        try (RejectsReport rejects = new RejectsReport(settings.rejects())) {
            return importLines(catalog, total, commandSide, rejects);
        } catch (IOException e) {
            err.println("catalog-import: cannot write the rejects file " + settings.rejects() + ": " + e);
            return EXIT_CANNOT_READ;
        }
    }

    private int importLines(Path catalog, long total, CommandSide commandSide, RejectsReport rejects) {
        long start = System.nanoTime();
        Tally tally = new Tally(total, start);
        Progress progress = new Progress(tally, progressMode(), err);
        err.println("catalog-import: importing " + String.format(Locale.ROOT, "%,d", total) + " lines from "
                + catalog + " into " + settings.commandSide() + " (" + settings.concurrency()
                + " in flight, run " + runId + ")");
        Thread onInterrupt = new Thread(() -> {
            progress.stop();
            err.println("catalog-import: interrupted after " + tally.snapshot(System.nanoTime()).done()
                    + " lines; run the same command again to continue: books already imported are reported"
                    + " as already present");
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        progress.start();

        BlockingQueue<CompletableFuture<Outcome>> window = new ArrayBlockingQueue<>(WINDOW);
        AtomicReference<Throwable> collectorFailure = new AtomicReference<>();
        Thread collector = Thread.ofPlatform().name("catalog-import-collector").start(() -> {
            try {
                // Keeps draining after a failure: the reader may be blocked on a full window.
                for (CompletableFuture<Outcome> next = window.take(); next != END; next = window.take()) {
                    try {
                        Outcome outcome = next.join();
                        if (outcome.result() == Outcome.Result.REJECTED && collectorFailure.get() == null) {
                            rejects.add(outcome);
                        }
                    } catch (UncheckedIOException | CompletionException e) {
                        collectorFailure.compareAndSet(null, e);
                        stopReading.set(true);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        Semaphore inFlight = new Semaphore(settings.concurrency());
        String readFailure = null;
        long lastLine = 0;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
                Utf8Lines reader = new Utf8Lines(Files.newInputStream(catalog))) {
            Utf8Lines.Line text;
            while (!stopReading.get() && (text = reader.next()) != null) {
                long number = ++lastLine;
                ParsedLine parsed = text.malformed() ? lines.notUtf8(number, text.text()) : lines.parse(number, text.text());
                CompletableFuture<Outcome> outcome = switch (parsed) {
                    case ParsedLine.Blank blank -> CompletableFuture.completedFuture(Outcome.blank(blank.number()));
                    case ParsedLine.Invalid invalid -> CompletableFuture.completedFuture(Outcome.of(invalid));
                    case ParsedLine.Sendable line -> {
                        inFlight.acquire();
                        yield CompletableFuture.supplyAsync(() -> send(commandSide, line, inFlight), senders);
                    }
                };
                // Counted as each line finishes (the progress line is live), and the collector waits
                // for the counted future, so the final summary can never miss the last lines.
                window.put(outcome.thenApply(done -> {
                    tally.count(done);
                    watchReachability(done);
                    return done;
                }));
            }
        } catch (IOException e) {
            readFailure = "cannot read " + catalog + " after line " + lastLine + ": " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            readFailure = "interrupted";
        } finally {
            putEnd(window);
        }
        joinQuietly(collector);
        progress.stop();
        Runtime.getRuntime().removeShutdownHook(onInterrupt);

        Tally.Snapshot done = tally.snapshot(System.nanoTime());
        boolean unreachable = unreachableInARow.get() >= unreachableLimit;
        printSummary(catalog, done, rejects, unreachable, readFailure, collectorFailure.get());
        writeSummaryJson(catalog, done, rejects, unreachable, readFailure);
        if (readFailure != null || collectorFailure.get() != null) {
            return EXIT_CANNOT_READ;
        }
        return unreachable ? EXIT_UNREACHABLE : EXIT_OK;
    }

    private static Outcome send(CommandSide commandSide, ParsedLine.Sendable line, Semaphore inFlight) {
        try {
            return commandSide.register(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.rejectedUnsent(line.number(), line.text(), "INTERRUPTED", "the import was interrupted");
        } catch (RuntimeException e) {
            // A line must always end in an outcome, or the collector would wait for it forever.
            return Outcome.rejectedUnsent(line.number(), line.text(), "IMPORTER_ERROR", e.toString());
        } finally {
            inFlight.release();
        }
    }

    private void watchReachability(Outcome outcome) {
        if (outcome.unreachable()) {
            if (unreachableInARow.incrementAndGet() >= unreachableLimit) {
                stopReading.set(true);
            }
        } else if (outcome.answered()) {
            unreachableInARow.set(0);
        }
    }

    private void printSummary(Path catalog, Tally.Snapshot s, RejectsReport rejects, boolean unreachable,
            String readFailure, Throwable collectorFailure) {
        double seconds = s.elapsedNanos() / 1e9;
        String took = ProgressLine.duration(Duration.ofNanos(s.elapsedNanos()));
        String verdict = unreachable || readFailure != null || collectorFailure != null ? "stopped" : "finished";
        out.printf(Locale.ROOT, "catalog-import %s: %s, %,d of %,d lines in %s, %.1f books/s on average (run %s)%n",
                verdict, catalog, s.done(), s.total(), took, seconds > 0 ? s.books() / seconds : 0.0, runId);
        out.printf(Locale.ROOT, "  added            %,10d%n", s.added());
        out.printf(Locale.ROOT, "  already present  %,10d%n", s.present());
        out.printf(Locale.ROOT, "  rejected         %,10d%s%n", s.rejected(),
                s.rejected() > 0 ? "   details: " + rejects.file().toAbsolutePath() : "");
        if (s.blank() > 0) {
            out.printf(Locale.ROOT, "  blank lines      %,10d%n", s.blank());
        }
        if (rejects.count() > 0) {
            out.println("  rejected by code: " + rejects.byCode().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            out.print(rejectsTable(rejects.first()));
            if (rejects.count() > rejects.first().size()) {
                out.printf(Locale.ROOT, "  … and %,d more in the rejects file%n", rejects.count() - rejects.first().size());
            }
        }
        if (unreachable) {
            out.printf(Locale.ROOT, "  the command side stopped answering (%d lines in a row could not reach it);"
                    + " %,d lines were not sent. Run the same command again once it is back: books already imported"
                    + " are reported as already present.%n", unreachableInARow.get(), s.total() - s.done());
        }
        if (readFailure != null) {
            out.println("  " + readFailure);
        }
        if (collectorFailure != null) {
            out.println("  stopped early: " + collectorFailure);
        }
        out.flush();
    }

    static String rejectsTable(List<Outcome> rejected) {
        int lineWidth = Math.max(4, rejected.stream().mapToInt(o -> Long.toString(o.line()).length()).max().orElse(4));
        int codeWidth = Math.max(4, rejected.stream().mapToInt(o -> o.code().length()).max().orElse(4));
        StringBuilder table = new StringBuilder();
        String row = "  %" + lineWidth + "s  %-" + codeWidth + "s  %s%n";
        table.append(String.format(Locale.ROOT, row, "line", "code", "reason"));
        for (Outcome o : rejected) {
            table.append(String.format(Locale.ROOT, row, o.line(), o.code(), shorten(o.reason(), 100)));
        }
        return table.toString();
    }

    private static String shorten(String text, int max) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    private void writeSummaryJson(Path catalog, Tally.Snapshot s, RejectsReport rejects, boolean unreachable,
            String readFailure) {
        if (settings.summary() == null) {
            return;
        }
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode summary = json.createObjectNode();
        summary.put("runId", runId);
        summary.put("catalog", catalog.toAbsolutePath().toString());
        summary.put("completed", !unreachable && readFailure == null && s.done() == s.total());
        summary.put("lines", s.total());
        summary.put("processed", s.done());
        summary.put("added", s.added());
        summary.put("alreadyPresent", s.present());
        summary.put("rejected", s.rejected());
        summary.put("blank", s.blank());
        summary.put("elapsedSeconds", Math.round(s.elapsedNanos() / 1e6) / 1e3);
        summary.put("booksPerSecond", s.elapsedNanos() > 0 ? Math.round(s.books() * 1e10 / s.elapsedNanos()) / 10.0 : 0);
        summary.put("rejectsFile", rejects.file().toAbsolutePath().toString());
        ObjectNode byCode = summary.putObject("rejectedByCode");
        for (Map.Entry<String, Long> e : rejects.byCode().entrySet()) {
            byCode.put(e.getKey(), e.getValue());
        }
        try {
            Files.writeString(settings.summary(), json.writeValueAsString(summary) + "\n");
        } catch (IOException e) {
            err.println("catalog-import: cannot write the summary " + settings.summary() + ": " + e);
        }
    }

    private ImportSettings.ProgressMode progressMode() {
        if (settings.progress() != ImportSettings.ProgressMode.AUTO) {
            return settings.progress();
        }
        return stderrLooksLikeATerminal() ? ImportSettings.ProgressMode.TTY : ImportSettings.ProgressMode.PLAIN;
    }

    /** Java cannot ask about stderr alone; a console on stdin/stdout is the usual sign of a person watching. */
    private static boolean stderrLooksLikeATerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    static long countLines(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                if (n > 0) {
                    last = buffer[n - 1];
                }
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    private static void putEnd(BlockingQueue<CompletableFuture<Outcome>> window) {
        boolean interrupted = false;
        while (true) {
            try {
                window.put(END);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String newRunId() {
        String time = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return time + "-" + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    /** Prints the progress line about once a second on its own daemon thread. */
    private static final class Progress {

        private final Tally tally;
        private final ImportSettings.ProgressMode mode;
        private final PrintStream err;
        private final ProgressLine line = new ProgressLine();
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "catalog-import-progress");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicBoolean stopped = new AtomicBoolean();

        Progress(Tally tally, ImportSettings.ProgressMode mode, PrintStream err) {
            this.tally = tally;
            this.mode = mode;
            this.err = err;
        }

        void start() {
            if (mode != ImportSettings.ProgressMode.NONE) {
                ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
            }
        }

        void stop() {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (mode != ImportSettings.ProgressMode.NONE) {
                print();
                if (mode == ImportSettings.ProgressMode.TTY) {
                    err.println();
                }
            }
        }

        private synchronized void print() {
            Tally.Snapshot now = tally.snapshot(System.nanoTime());
            String text = ProgressLine.render(now, line.rate(now));
            if (mode == ImportSettings.ProgressMode.TTY) {
                err.print("\r" + text + "\033[K");
            } else {
                err.println("[import] " + text);
            }
            err.flush();
        }
    }
}
