package io.jenkins.plugins.containerrollout.core.engine;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that is read in blocks: its single-byte {@link #read()} goes through the block read, so a stream
 * only says how to fill a buffer.
 *
 * <p>Usage: {@code new BlockInputStream() { public int read(byte[] b, int off, int len) { ... } }}
 */
public abstract class BlockInputStream extends InputStream {
    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
