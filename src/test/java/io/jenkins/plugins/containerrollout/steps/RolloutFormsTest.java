package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import org.junit.Test;

/** The plain parts of the rollout steps' form validation: what the Snippet Generator says about a value. */
public class RolloutFormsTest {

    @Test
    public void aValueTheCoreAcceptsHasNoProblem() {
        assertNull(RolloutForms.problem(() -> RolloutStrategy.rolling("1", "25%")));
    }

    @Test
    public void theProblemIsTheCoresOwnMessage() {
        assertEquals("maxSurge: 'x' is not a count or a percentage; use e.g. '1' or '25%'",
                RolloutForms.problem(() -> RolloutStrategy.rolling("x", "1")));
    }

    @Test
    public void aBlankNumberFieldTakesItsDefault() {
        assertEquals(600, RolloutForms.integer("progressDeadlineSeconds", " ", 600));
    }

    @Test
    public void aNumberFieldThatIsNoNumberNamesTheField() {
        assertEquals("replicas: 'four' is not a whole number",
                assertThrows(IllegalArgumentException.class, () -> RolloutForms.integer("replicas", "four", 1)).getMessage());
    }

    @Test
    public void zeroReplicasIsRefusedWithTheRange() {
        assertEquals("replicas: 0 is out of range; use 1 to 200",
                RolloutForms.problem(() -> StepArguments.requireReplicas(0)));
    }

    @Test
    public void aPrivilegedPortBaseIsRefused() {
        assertEquals("portBase: 80 is not a usable port; use 1024 to 65535",
                RolloutForms.problem(() -> StepArguments.requirePort("portBase", 80)));
    }

    @Test
    public void anImageReferenceWithADigestIsAccepted() {
        assertNull(RolloutForms.problem(() -> StepArguments.requireImage("127.0.0.1:5000/web@sha256:" + "a".repeat(64))));
    }

    @Test
    public void anUpperCaseImageIsRefused() {
        assertTrue(RolloutForms.problem(() -> StepArguments.requireImage("Web:1")).startsWith("image: invalid image tag \"Web:1\": the repository \"Web\" must be lower-case"));
    }

    @Test
    public void aRelativeHaproxySocketIsRefused() {
        assertTrue(HaproxyRouting.problem("run/admin.sock").startsWith("socket: 'run/admin.sock' must be the absolute path"));
    }

    @Test
    public void anHttpUrlOutsideLoopbackIsRefusedAsTheCoreWould() {
        String problem = RolloutForms.problem(() -> VerifyRequests.probe(new HttpVerifyCheck("http://example.com/").toCheck("web", 1)));
        assertTrue(problem, problem.contains("neither loopback nor an allowed host"));
    }
}
