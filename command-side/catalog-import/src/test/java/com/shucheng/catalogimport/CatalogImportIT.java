package com.shucheng.catalogimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar, run as an operator would, against the test command side that scripts/test.sh
 * starts (SHUCHENG_TEST_COMMAND_URL). ISBNs are random per run, so the suite can run again on the
 * same database.
 */
class CatalogImportIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String COMMAND_SIDE =
            System.getenv().getOrDefault("SHUCHENG_TEST_COMMAND_URL", "http://127.0.0.1:18081");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err, JsonNode summary, List<JsonNode> rejects) {
    }

    private Run importFile(String url, Path catalog) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("shucheng.importJar", "target/catalog-import.jar"));
        assertThat(jar).as("build the jar first (mvn package)").exists();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Path summary = dir.resolve("summary.json");
        Path rejects = dir.resolve("rejects.ndjson");
        Files.deleteIfExists(summary);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "import", "--url", url, "--file", catalog.toString(),
                "--rejects", rejects.toString(), "--summary", summary.toString(), "--progress", "plain")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the import finishes").isTrue();
        List<JsonNode> rejected = Files.exists(rejects)
                ? Files.readAllLines(rejects).stream().map(json::readTree).toList()
                : List.of();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err),
                Files.exists(summary) ? json.readTree(summary.toFile()) : null, rejected);
    }

    private static String randomIsbn() {
        StringBuilder body = new StringBuilder("978");
        for (int i = 0; i < 9; i++) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        return body.toString() + checkDigit(body.toString());
    }

    private static int checkDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    private static String book(String isbn, String title, String price) {
        return """
                {"isbn":"%s","title":"%s","authors":["导入测试"],"category":"导入测试","price":%s,\
                "lendableCopies":1,"stock":3}""".formatted(isbn, title, price);
    }

    private static Map<Long, JsonNode> byLine(List<JsonNode> rejects) {
        Map<Long, JsonNode> lines = new java.util.TreeMap<>();
        rejects.forEach(r -> lines.put(r.get("line").asLong(), r));
        return lines;
    }

    @Test
    void an_import_adds_good_lines_reports_bad_ones_by_line_and_a_rerun_adds_nothing() throws Exception {
        String first = randomIsbn();
        String second = randomIsbn();
        String third = randomIsbn();
        String wrongChecksum = first.substring(0, 12) + (first.charAt(12) - '0' + 1) % 10;
        List<String> lines = new ArrayList<>(List.of(
                book(first, "导入一", "\"12.00\""),
                book(second, "导入二", "\"8.50\""),
                "{\"isbn\": \"" + randomIsbn() + "\", \"title\": ",
                book(wrongChecksum, "错误的书号", "\"10.00\""),
                book(randomIsbn(), "三位小数", "12.345"),
                book(first, "重复的书号", "\"12.00\""),
                "",
                book(third, "导入三", "\"99.90\"")));
        Path catalog = Files.writeString(dir.resolve("catalog.ndjson"), String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);

        Run run = importFile(COMMAND_SIDE, catalog);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.summary().get("completed").asBoolean()).isTrue();
        assertThat(run.summary().get("added").asLong()).isEqualTo(3);
        assertThat(run.summary().get("alreadyPresent").asLong()).isEqualTo(1);
        assertThat(run.summary().get("rejected").asLong()).isEqualTo(3);
        Map<Long, JsonNode> rejected = byLine(run.rejects());
        assertThat(rejected.keySet()).containsExactly(3L, 4L, 5L);
        assertThat(rejected.get(3L).get("code").asString()).isEqualTo("MALFORMED_JSON");
        assertThat(rejected.get(3L).get("text").asString()).isEqualTo(lines.get(2));
        assertThat(rejected.get(4L).get("code").asString()).isEqualTo("INVALID_ISBN");
        assertThat(rejected.get(4L).get("reason").asString()).contains("isbn");
        assertThat(rejected.get(5L).get("code").asString()).isNotBlank();
        assertThat(rejected.get(5L).get("errors").values()).extracting(e -> e.get("field").asString()).contains("price");
        assertThat(run.out()).contains("rejected by code:").contains("INVALID_ISBN 1").contains("MALFORMED_JSON 1");
        assertThat(run.err()).contains("[import] 8/8 lines 100.0%");

        Run again = importFile(COMMAND_SIDE, catalog);

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.summary().get("added").asLong()).isZero();
        assertThat(again.summary().get("alreadyPresent").asLong()).isEqualTo(4);
        assertThat(byLine(again.rejects()).keySet()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void the_jar_exits_with_4_when_the_command_side_cannot_be_reached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path catalog = Files.writeString(dir.resolve("catalog.ndjson"), book(randomIsbn(), "无处可去", "\"1.00\"") + "\n");

        Run run = importFile("http://127.0.0.1:" + closedPort, catalog);

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).contains("cannot reach the command side");
    }
}
