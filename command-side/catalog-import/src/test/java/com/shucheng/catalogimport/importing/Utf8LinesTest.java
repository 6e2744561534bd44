package com.shucheng.catalogimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {

    private static List<Utf8Lines.Line> read(byte[] bytes) throws IOException {
        List<Utf8Lines.Line> lines = new ArrayList<>();
        try (Utf8Lines reader = new Utf8Lines(new ByteArrayInputStream(bytes))) {
            for (Utf8Lines.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void lines_end_at_newlines_with_or_without_carriage_returns_and_the_last_needs_none() throws IOException {
        assertThat(read(utf8("活着\r\n围城\n\n边城"))).containsExactly(
                new Utf8Lines.Line("活着", false), new Utf8Lines.Line("围城", false),
                new Utf8Lines.Line("", false), new Utf8Lines.Line("边城", false));
        assertThat(read(new byte[0])).isEmpty();
    }

    @Test
    void only_the_line_with_bytes_that_are_not_utf8_is_flagged() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8("活着\n"));
        bytes.writeBytes(new byte[] {(byte) 0xE6, (byte) 0xB4, '\n'});
        bytes.writeBytes(utf8("围城\n"));

        List<Utf8Lines.Line> lines = read(bytes.toByteArray());

        assertThat(lines).extracting(Utf8Lines.Line::malformed).containsExactly(false, true, false);
        assertThat(lines.get(1).text()).contains("\uFFFD");
    }

    @Test
    void a_replacement_character_written_in_the_file_is_text_not_an_error() throws IOException {
        assertThat(read(utf8("水龙吟·\uFFFD稍\n"))).containsExactly(new Utf8Lines.Line("水龙吟·\uFFFD稍", false));
    }
}
