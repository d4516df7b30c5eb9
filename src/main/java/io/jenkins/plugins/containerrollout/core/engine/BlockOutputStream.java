package io.jenkins.plugins.containerrollout.core.engine;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that is written in blocks: its single-byte {@link #write(int)} goes through the block write, so a
 * stream only says where a buffer goes ({@link BlockInputStream}'s counterpart).
 *
 * <p>Usage: {@code new BlockOutputStream() { public void write(byte[] b, int off, int len) { ... } }}
 */
public abstract class BlockOutputStream extends OutputStream {
    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public abstract void write(byte[] b, int off, int len) throws IOException;
}
