package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Smoke-test images built {@code FROM scratch} with busybox: a shell script that tests {@code $TARGET_URL/version}
 * (against {@code EXPECT_VERSION}) and {@code /cgi-bin/health}, writes the verdicts as JUnit XML into
 * {@code /reports/TEST-smoke.xml} and exits 0 or 1 (no {@code wget -T}: Debian's static busybox 1.35 crashes on it).
 * Environment switches: {@code SMOKE_SLEEP} (seconds to sleep first), {@code SMOKE_NO_REPORT=1} (write nothing),
 * {@code SMOKE_BROKEN=1} (write a truncated report), {@code SMOKE_EXIT_ZERO=1} (exit 0 even when a case failed: the
 * gate must read the report, not only the exit code).
 *
 * <p>Usage: {@code String image = SmokeImages.build(apps, "1.0");} — passes against the app image, "9.9" fails.
 */
public final class SmokeImages {
    private static final String SCRIPT = """
            #!/bin/sh
            sleep "${SMOKE_SLEEP:-0}"
            mkdir -p /reports
            fails=0
            cases=""
            verdict() {
              if [ "$2" = 0 ]; then
                cases="$cases<testcase classname=\\"smoke\\" name=\\"$1\\" time=\\"0.01\\"/>"
              else
                fails=$((fails + 1))
                cases="$cases<testcase classname=\\"smoke\\" name=\\"$1\\" time=\\"0.01\\"><failure message=\\"$3\\">$3</failure></testcase>"
              fi
            }
            got=$(wget -q -O - "$TARGET_URL/version" | tr -d '<>&"\\n')
            [ "$got" = "$EXPECT_VERSION" ]; verdict version $? "expected version $EXPECT_VERSION but got $got"
            wget -q -O /dev/null "$TARGET_URL/cgi-bin/health"; verdict health $? "health endpoint failed"
            echo "smoke against $TARGET_URL: $fails failed (all: $TARGET_URLS)"
            if [ "$SMOKE_NO_REPORT" = 1 ]; then exit $fails; fi
            if [ "$SMOKE_BROKEN" = 1 ]; then printf '<?xml version="1.0"?>\\n<testsuite name="smoke">\\n<testcase name="a">\\n' > /reports/TEST-smoke.xml; exit 0; fi
            echo "<?xml version=\\"1.0\\"?><testsuite name=\\"smoke\\" tests=\\"2\\" failures=\\"$fails\\">$cases</testsuite>" > /reports/TEST-smoke.xml
            echo "<coverage/>" > /reports/coverage.txt
            [ "$fails" = 0 ] || [ "$SMOKE_EXIT_ZERO" = 1 ]
            """;

    private SmokeImages() {
    }

    public static String build(Apps apps, String expectVersion) throws IOException {
        Path dir = Files.createTempDirectory("vfy-smoke");
        Files.copy(TestImages.BUSYBOX, dir.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("smoke.sh"), SCRIPT);
        Files.writeString(dir.resolve("Dockerfile"), String.join("\n",
                "FROM scratch",
                "COPY busybox /bin/busybox",
                "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                "COPY smoke.sh /smoke.sh",
                "ENV EXPECT_VERSION=" + expectVersion,
                "ENTRYPOINT [\"/bin/sh\", \"/smoke.sh\"]",
                ""));
        return apps.build(dir);
    }
}
