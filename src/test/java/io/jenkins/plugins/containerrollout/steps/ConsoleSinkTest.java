package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import org.junit.Test;

/** Core progress on its way to the build console. */
public class ConsoleSinkTest {

    @Test
    public void prefixesEachLineOfAMultiLineMessage() {
        StepHarness.CapturingListener listener = new StepHarness.CapturingListener();
        new ConsoleSink(listener, "containerBuild", new SecretMasker()).line("one\ntwo");
        assertEquals(String.format("[containerBuild] one%n[containerBuild] two%n"), listener.text());
    }

    @Test
    public void masksSecretsAddedAfterTheSinkWasMade() {
        StepHarness.CapturingListener listener = new StepHarness.CapturingListener();
        SecretMasker masker = new SecretMasker();
        ConsoleSink sink = new ConsoleSink(listener, "containerBuild", masker);
        masker.add("hunter2");
        sink.line("password hunter2");
        assertEquals(String.format("[containerBuild] password ****%n"), listener.text());
    }

    @Test
    public void stillMasksAfterTravellingToTheAgent() throws Exception {
        StepHarness.CapturingListener listener = new StepHarness.CapturingListener();
        ProgressSink remote = StepHarness.overTheWire(new ConsoleSink(listener, "containerBuild", new SecretMasker().add("hunter2")));
        remote.line("hunter2");
        assertEquals(String.format("[containerBuild] ****%n"), listener.text());
    }
}
