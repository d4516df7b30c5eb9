package io.jenkins.plugins.containerrollout.core.engine;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** A chunked response body comes out whole and exact, however the chunks are cut; a cut-short one is an error. */
public class ChunkedBodyInputStreamTest {
    @Test
    public void joinsChunksAndSkipsExtensionsAndTrailers() throws Exception {
        String wire = "5\r\n{\"str\r\n" + "a;name=value\r\neam\":\"ok\"}\r\n" + "1\r\n\n\r\n" + "0\r\nX-Trailer: 1\r\n\r\n";
        assertEquals("{\"stream\":\"ok\"}\n", new String(decode(wire).readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    public void aByteAtATimeReadsTheSameBytes() throws Exception {
        InputStream in = decode("3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
        StringBuilder out = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            out.append((char) c);
        }
        assertEquals("abcde", out.toString());
        assertEquals("stays at the end", -1, in.read());
    }

    @Test
    public void largeChunksArriveWhole() throws Exception {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        byte[] wire = concat(("30d40\r\n").getBytes(StandardCharsets.US_ASCII), data,
                "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = new ChunkedBodyInputStream(new BufferedInputStream(new ByteArrayInputStream(wire), 4096));
        assertArrayEquals(data, in.readAllBytes());
    }

    @Test
    public void aBodyCutInsideAChunkIsAnErrorNotAShortBody() {
        EOFException e = assertThrows(EOFException.class, () -> decode("a\r\nonly4").readAllBytes());
        assertTrue(e.getMessage(), e.getMessage().contains("5 bytes missing"));
    }

    @Test
    public void aMalformedChunkSizeIsNamed() {
        IOException e = assertThrows(IOException.class, () -> decode("zz\r\nabc\r\n").readAllBytes());
        assertEquals("malformed chunked response: chunk size 'zz'", e.getMessage());
    }

    private static InputStream decode(String wire) {
        return new ChunkedBodyInputStream(new BufferedInputStream(
                new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1))));
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
