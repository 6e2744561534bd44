import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator: requests are due at fixed instants, whatever the server does,
 * and each latency is measured from the instant the request was DUE, not from when it could be
 * sent. A stalled server therefore shows up in the percentiles (no coordinated omission), which a
 * closed-loop tool like wrk hides. It is wrk2's model: each of C keep-alive HTTP/1.1 connections
 * owns every C-th slot of one global schedule spaced 1/rate apart; a connection that falls behind
 * sends its overdue requests back to back and they are charged the waiting time.
 *
 * <p>Kept light on purpose, because it shares the machine's cores with the servers: raw sockets,
 * one thread per connection, no HTTP library, latencies in a plain long[] sorted at the end.
 * It reports its own CPU use so a run can say what the generator cost.
 *
 * <pre>
 * java scripts/bench/OpenLoop.java --url http://127.0.0.1:8082 --rate 3000 --duration 20 --warmup 3 \
 *      --connections 32 --paths FILE          # GET a random line of FILE each time
 *      --register SALT                        # POST /api/books with fresh valid ISBN-13s
 *      --update IDS_FILE                      # PATCH /api/books/{id}: new title and price
 *      --count N  (instead of --rate)         # closed loop: N requests as fast as possible (seeding)
 * </pre>
 *
 * Prints a human-readable summary and one line starting with {@code RESULT} of key=value pairs.
 */
public class OpenLoop {

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Requests requests = o.requests();
        URI uri = URI.create(o.url);
        int connections = o.connections;
        long warmupNanos = (long) (o.warmupSeconds * 1e9);
        long measureNanos = (long) (o.durationSeconds * 1e9);
        boolean closed = o.count > 0;
        double nanosPerSlot = closed ? 0 : 1e9 / o.rate;
        long slots = closed ? o.count : (long) Math.ceil((warmupNanos + measureNanos) / nanosPerSlot);
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, slots / connections + 2);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long began = System.nanoTime();
        AtomicLong nextClosed = new AtomicLong();
        Worker[] workers = new Worker[connections];
        long start = began + (closed ? 0 : 200_000_000L); // let every connection open before slot 0
        long measureFrom = start + warmupNanos;
        long end = start + warmupNanos + measureNanos;
        // An overloaded server would otherwise keep the run going until every overdue request was
        // sent. Past the cutoff, requests not yet sent are counted as unsent, charged the time they
        // had waited by then (a lower bound), and connections still waiting are closed.
        long cutoff = end + Math.max(5_000_000_000L, measureNanos / 4);        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Worker w = new Worker(uri, requests, capacity);
            workers[c] = w;
            int conn = c;
            // Platform threads, not virtual ones: with a few dozen connections a blocking read and a timed
            // park cost one syscall each, where a virtual thread also hops through the poller and the
            // timer thread; measured here, 12% against 37% of a core at 2000 req/s.
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    w.connect();
                    if (closed) {
                        long i;
                        while ((i = nextClosed.getAndIncrement()) < o.count) {
                            long sent = System.nanoTime();
                            w.exchange(i, sent, sent);
                        }
                    } else {
                        for (long k = 0;; k++) {
                            long slot = conn + k * connections;
                            long due = start + (long) (slot * nanosPerSlot);
                            if (due >= end) {
                                break;
                            }
                            if (System.nanoTime() > cutoff) {
                                w.unsent(due >= measureFrom ? due : -1, cutoff);
                                continue;
                            }
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            w.exchange(slot, due, due >= measureFrom ? due : -1);
                        }
                    }
                } catch (Exception e) {
                    w.fatal = e;
                } finally {
                    w.close();
                }
            }));
        }
        for (Thread t : threads) {
            t.join(Math.max(1, (cutoff + 10_000_000_000L - System.nanoTime()) / 1_000_000));
        }
        for (Worker w : workers) {
            w.close(); // unblocks a connection still waiting for an answer after the cutoff
        }
        for (Thread t : threads) {
            t.join();
        }
        long finished = System.nanoTime();
        long cpuNanos = os.getProcessCpuTime() - cpuBefore;

        long total = 0, ok = 0, failed = 0, ioErrors = 0, late = 0, unsent = 0;
        int n = 0;
        for (Worker w : workers) {
            n += w.recorded;
        }
        long[] all = new long[n];
        int at = 0;
        String firstFailure = null;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.recorded);
            at += w.recorded;
            total += w.measured;
            unsent += w.unsent;
            ok += w.ok;
            failed += w.failed;
            ioErrors += w.ioErrors;
            late += w.late;
            if (firstFailure == null && w.firstFailure != null) {
                firstFailure = w.firstFailure;
            }
            if (w.fatal != null && firstFailure == null) {
                firstFailure = w.fatal.toString();
            }
        }
        Arrays.sort(all);
        double measuredSeconds = closed ? (finished - start) / 1e9 : measureNanos / 1e9;
        // Requests due in the window but still unanswered at its end finish late; count them by
        // their due slot, but the achieved rate is what completed within the wall time used.
        double wall = closed ? measuredSeconds : Math.max(measureNanos, finished - measureFrom) / 1e9;
        double achieved = (total - unsent) / wall;
        double cpuPct = 100.0 * cpuNanos / (finished - began);

        String model = closed ? "closed loop, %d requests".formatted(o.count)
                : "open loop, %.0f req/s intended".formatted(o.rate);
        System.out.printf(Locale.ROOT, "%s over %d connections to %s (%s), %.1f s measured after %.1f s warm-up%n",
                model, connections, o.url, requests.describe(), measuredSeconds, closed ? 0.0 : o.warmupSeconds);
        System.out.printf(Locale.ROOT,
                "requests %d  ok %d  non-2xx %d  io-errors %d  unsent %d  achieved %.1f req/s  started late (>1 ms) %.1f%%%n",
                total, ok, failed, ioErrors, unsent, achieved, total == 0 ? 0.0 : 100.0 * late / total);
        System.out.printf(Locale.ROOT,
                "latency from intended send: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n",
                ms(pct(all, 50)), ms(pct(all, 90)), ms(pct(all, 99)), ms(pct(all, 99.9)), ms(max(all)));
        System.out.printf(Locale.ROOT, "generator CPU: %.0f%% of one core%n", cpuPct);
        if (firstFailure != null) {
            System.out.println("first failure: " + firstFailure);
        }
        System.out.printf(Locale.ROOT,
                "RESULT requests=%d ok=%d non2xx=%d io_errors=%d unsent=%d intended_rps=%.1f achieved_rps=%.1f p50_ms=%.3f "
                        + "p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f late_pct=%.2f gen_cpu_pct=%.1f%n",
                total, ok, failed, ioErrors, unsent, closed ? 0.0 : o.rate, achieved, ms(pct(all, 50)), ms(pct(all, 90)),
                ms(pct(all, 99)), ms(pct(all, 99.9)), ms(max(all)), total == 0 ? 0.0 : 100.0 * late / total, cpuPct);
        if (total == 0 || ok == 0) {
            System.exit(1);
        }
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** One keep-alive connection and its share of the schedule. */
    static final class Worker {
        final URI uri;
        final Requests requests;
        final long[] latencies;
        int recorded;
        long measured, ok, failed, ioErrors, late, unsent;
        String firstFailure;
        Exception fatal;
        volatile Socket socket;
        OutputStream out;
        InputStream in;

        Worker(URI uri, Requests requests, int capacity) {
            this.uri = uri;
            this.requests = requests;
            this.latencies = new long[capacity];
        }

        void connect() throws IOException {
            close();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
            pos = limit = 0;
        }

        void close() {
            Socket s = socket;
            socket = null;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }

        /** A request due at {@code from} (-1: in the warm-up) that the cutoff kept from being sent. */
        void unsent(long from, long cutoff) {
            if (from < 0) {
                return;
            }
            measured++;
            unsent++;
            if (recorded < latencies.length) {
                latencies[recorded++] = Math.max(0, cutoff - from);
            }
        }

        /** Sends request number {@code i}; records its latency from {@code from} unless that is -1. */
        void exchange(long i, long due, long from) {
            byte[] request = requests.build(i, uri);
            boolean record = from >= 0;
            if (record && System.nanoTime() - due > 1_000_000) {
                late++;
            }
            int status;
            try {
                status = send(request);
            } catch (IOException e) {
                status = -1;
                try {
                    connect(); // a broken connection must not end this connection's schedule
                } catch (IOException again) {
                    LockSupport.parkNanos(10_000_000);
                }
                if (firstFailure == null) {
                    firstFailure = e.toString();
                }
            }
            long done = System.nanoTime();
            if (!record) {
                return;
            }
            measured++;
            if (status >= 200 && status < 300) {
                ok++;
            } else if (status < 0) {
                ioErrors++;
            } else {
                failed++;
                if (firstFailure == null) {
                    firstFailure = "HTTP " + status + " for request " + new String(request, StandardCharsets.UTF_8)
                            .lines().findFirst().orElse("");
                }
            }
            if (recorded < latencies.length) {
                latencies[recorded++] = done - from;
            }
        }

        int send(byte[] request) throws IOException {
            if (socket == null) {
                connect();
            }
            out.write(request);
            out.flush();
            lineStart();
            int status = (buf[lineFrom + 9] - '0') * 100 + (buf[lineFrom + 10] - '0') * 10 + (buf[lineFrom + 11] - '0');
            long length = -1;
            boolean chunked = false, close = false;
            while (lineStart() > 0) {
                if (headerIs("content-length:")) {
                    length = Long.parseLong(headerValue());
                } else if (headerIs("transfer-encoding:")) {
                    chunked = headerValue().toLowerCase(Locale.ROOT).contains("chunked");
                } else if (headerIs("connection:")) {
                    close = headerValue().equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size; (size = chunkSize()) > 0;) {
                    skip(size);
                    lineStart();
                }
                while (lineStart() > 0) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                close = true; // body until EOF: not expected from Tomcat, but legal
                while (fill()) {
                    pos = limit;
                }
            }
            if (close) {
                connect();
            }
            return status;
        }

        // A tiny reader over the socket: no per-byte locking, no String per header line.
        final byte[] buf = new byte[16384];
        int pos, limit, lineFrom, lineTo;

        boolean fill() throws IOException {
            if (pos > 0 && pos == limit) {
                pos = limit = 0;
            } else if (limit == buf.length) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                lineFrom -= pos;
                pos = 0;
            }
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                return false;
            }
            limit += r;
            return true;
        }

        /** Reads the next line into buf[lineFrom, lineTo) without its CRLF; returns its length. */
        int lineStart() throws IOException {
            int from = pos;
            for (int i = pos;; i++) {
                if (i == limit) {
                    int shift = pos;
                    if (limit == buf.length && pos == 0) {
                        throw new IOException("header line longer than " + buf.length + " bytes");
                    }
                    if (limit == buf.length) {
                        System.arraycopy(buf, pos, buf, 0, limit - pos);
                        limit -= shift;
                        i -= shift;
                        from -= shift;
                        pos = 0;
                    }
                    int r = in.read(buf, limit, buf.length - limit);
                    if (r < 0) {
                        throw new EOFException("connection closed by the server");
                    }
                    limit += r;
                }
                if (buf[i] == '\n') {
                    lineFrom = from;
                    lineTo = i > from && buf[i - 1] == '\r' ? i - 1 : i;
                    pos = i + 1;
                    return lineTo - lineFrom;
                }
            }
        }

        boolean headerIs(String lowerName) {
            int n = lowerName.length();
            if (lineTo - lineFrom < n) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                int b = buf[lineFrom + k];
                if (b >= 'A' && b <= 'Z') {
                    b += 32;
                }
                if (b != lowerName.charAt(k)) {
                    return false;
                }
            }
            lineFrom += n;
            return true;
        }

        String headerValue() {
            return new String(buf, lineFrom, lineTo - lineFrom, StandardCharsets.ISO_8859_1).trim();
        }

        long chunkSize() throws IOException {
            lineStart();
            String size = new String(buf, lineFrom, lineTo - lineFrom, StandardCharsets.ISO_8859_1);
            int semicolon = size.indexOf(';');
            return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        }

        void skip(long n) throws IOException {
            while (n > 0) {
                if (pos == limit && !fill()) {
                    throw new EOFException("connection closed inside a body");
                }
                int take = (int) Math.min(n, limit - pos);
                pos += take;
                n -= take;
            }
        }
    }

    /** What to send as request number i. */
    interface Requests {
        byte[] build(long i, URI uri);

        String describe();

        static byte[] http(String method, String path, URI uri, String json) {
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "\r\n";
            byte[] h = head.getBytes(StandardCharsets.UTF_8);
            byte[] all = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return all;
        }
    }

    /** GET of a random line of a file of paths; requests are prebuilt so sending costs nothing. */
    record Paths(String file, byte[][] prebuilt) implements Requests {
        static Paths of(String file, URI uri) throws IOException {
            List<String> lines = Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no paths");
            }
            byte[][] built = lines.stream().map(p -> Requests.http("GET", p, uri, null)).toArray(byte[][]::new);
            return new Paths(file, built);
        }

        public byte[] build(long i, URI uri) {
            return prebuilt[ThreadLocalRandom.current().nextInt(prebuilt.length)];
        }

        public String describe() {
            return "GET a random one of " + prebuilt.length + " paths from " + file;
        }
    }

    /**
     * Registrations with ISBN-13s unique to this run: 979, a 3-digit salt the caller changes per
     * run, then the request number, then the check digit.
     */
    record Register(String salt) implements Requests {
        public byte[] build(long i, URI uri) {
            String isbn = isbn13("979" + salt + String.format(Locale.ROOT, "%06d", i % 1_000_000));
            long cents = 1000 + i % 9000;
            String json = """
                    {"isbn":"%s","title":"基准图书 %s-%d","authors":["基准作者"],"category":"基准测试",\
                    "price":"%d.%02d","lendableCopies":2,"stock":5}""".formatted(isbn, salt, i, cents / 100, cents % 100);
            return Requests.http("POST", "/api/books", uri, json);
        }

        public String describe() {
            return "POST /api/books, fresh ISBN-13s 979" + salt + "xxxxxxC";
        }

        static String isbn13(String twelve) {
            int sum = 0;
            for (int k = 0; k < 12; k++) {
                sum += (twelve.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
            }
            return twelve + (10 - sum % 10) % 10;
        }
    }

    /** PATCH of the title and price of a random book among the ids in a file. */
    record Update(String file, String[] ids) implements Requests {
        static Update of(String file) throws IOException {
            String[] ids = Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isBlank()).map(String::trim)
                    .toArray(String[]::new);
            if (ids.length == 0) {
                throw new IllegalArgumentException(file + " holds no book ids");
            }
            return new Update(file, ids);
        }

        public byte[] build(long i, URI uri) {
            String id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
            long cents = 1000 + i % 9000;
            String json = """
                    {"title":"基准更新 %d","price":"%d.%02d"}""".formatted(i, cents / 100, cents % 100);
            return Requests.http("PATCH", "/api/books/" + id, uri, json);
        }

        public String describe() {
            return "PATCH /api/books/{id} title+price, random one of " + ids.length + " ids";
        }
    }

    record Options(String url, double rate, long count, double durationSeconds, double warmupSeconds, int connections,
            String paths, String registerSalt, String updateIds) {

        static Options parse(String[] args) {
            String url = "http://127.0.0.1:8082", paths = null, salt = null, ids = null;
            double rate = 0, duration = 20, warmup = 3;
            long count = 0;
            int connections = 32;
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--url" -> url = v;
                    case "--rate" -> rate = Double.parseDouble(v);
                    case "--count" -> count = Long.parseLong(v);
                    case "--duration" -> duration = Double.parseDouble(v);
                    case "--warmup" -> warmup = Double.parseDouble(v);
                    case "--connections" -> connections = Integer.parseInt(v);
                    case "--paths" -> paths = v;
                    case "--register" -> salt = v;
                    case "--update" -> ids = v;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if ((rate <= 0) == (count <= 0)) {
                throw new IllegalArgumentException("give exactly one of --rate R (open loop) or --count N (closed loop)");
            }
            if ((paths != null ? 1 : 0) + (salt != null ? 1 : 0) + (ids != null ? 1 : 0) != 1) {
                throw new IllegalArgumentException("give exactly one of --paths FILE, --register SALT, --update IDS_FILE");
            }
            if (salt != null && !salt.matches("[0-9]{3}")) {
                throw new IllegalArgumentException("--register takes a 3-digit salt");
            }
            return new Options(url, rate, count, duration, warmup, connections, paths, salt, ids);
        }

        Requests requests() throws IOException {
            URI uri = URI.create(url);
            if (paths != null) {
                return Paths.of(paths, uri);
            }
            return registerSalt != null ? new Register(registerSalt) : Update.of(updateIds);
        }
    }
}
