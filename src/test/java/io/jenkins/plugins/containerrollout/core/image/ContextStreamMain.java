package io.jenkins.plugins.containerrollout.core.image;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Streams one context to nowhere and prints the byte count; run in a small-heap JVM to prove that memory use does not
 * grow with the size of the context.
 *
 * <p>Usage: {@code java -Xmx24m -cp ... ContextStreamMain /path/to/context}
 */
public final class ContextStreamMain {
    private ContextStreamMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(new ContextArchive(Path.of(args[0]), null, null).writeTo(OutputStream.nullOutputStream()));
    }
}
