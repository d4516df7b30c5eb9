package io.jenkins.plugins.containerrollout.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The test images engine tests share within one JVM: each is built once, on first use, and all are removed when the
 * JVM exits, so a test class pays for a build only when no earlier class in the run needed that image.
 *
 * <p>Usage: {@code String v1 = AppImages.app("1.0", true); String bad = AppImages.app("2.0", false);}
 */
public final class AppImages {
    private static final String RUN = TestBed.unique("app-img");
    private static final Map<String, String> IMAGES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IMAGES.values()
                .forEach(tag -> TestBed.dockerResult("rmi", "-f", tag))));
    }

    private AppImages() {
    }

    /** The {@link TestImages} app serving {@code version} on /version; its /cgi-bin/health fails unless {@code healthy}. */
    public static String app(String version, boolean healthy) {
        return cached(version + (healthy ? "" : "-unhealthy"), tag -> {
            try {
                return TestImages.app(Files.createTempDirectory("app-ctx"), tag, version, healthy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The image {@code build} makes under a tag derived from {@code name} (it receives the tag and returns it once
     * built), built at most once per JVM.
     */
    public static String cached(String name, UnaryOperator<String> build) {
        return IMAGES.computeIfAbsent(RUN + ":" + name, build);
    }
}
