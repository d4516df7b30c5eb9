package io.jenkins.plugins.containerrollout.core.analysis;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.Test;

/** A window's result travels back from an agent (Java serialization) and is kept as JSON in the build folder. */
public class WindowResultTest {
    private static final List<WindowResult> RESULTS = List.of(
            RouterAnalysis.judge(AnalysisSource.ROUTER, new Traffic(40, 40, 0, 0, 0, 3, 4),
                    new Traffic(360, 0, 0, 0, 0, 2, 3), TrafficThresholds.successRatio(0.85, 10), 1_000, 31_000),
            PrometheusAnalysis.judge("sum(rate(x[30s]))", OptionalDouble.of(0.5), null, 0.05, 1_000, 31_000),
            PrometheusAnalysis.judge("sum(rate(x[30s]))", OptionalDouble.empty(), null, 0.05, 1_000, 31_000));

    @Test
    public void survivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(RESULTS);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(RESULTS, in.readObject());
        }
    }

    @Test
    public void survivesJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (WindowResult r : RESULTS) {
            String text = json.writeValueAsString(r);

            assertEquals(text, r, json.readValue(text, WindowResult.class));
        }
    }
}
