package com.shucheng.catalogimport.importing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file line by line ({@code \n} or {@code \r\n}) and decodes each line on its own, so one
 * line that is not UTF-8 is rejected alone instead of failing the whole import, and a U+FFFD that
 * the file really contains is not mistaken for a decoding error.
 */
final class Utf8Lines implements Closeable {

    /** One line; {@code malformed} when its bytes are not UTF-8 (text then has U+FFFD in their place). */
    record Line(String text, boolean malformed) {
    }

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

    Utf8Lines(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        line.reset();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
            return new Line(text, false);
        } catch (CharacterCodingException e) {
            return new Line(new String(bytes, 0, length, StandardCharsets.UTF_8), true);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
