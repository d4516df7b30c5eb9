package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The option parser every subcommand shares. */
public class OptionsTest {
    private final Options options = new Options(
            Option.value("--context", "DIR", "context").mandatory(),
            Option.value("--tag", "NAME:TAG", "tag").multiple(),
            Option.value("--label", "K=V", "label").multiple(),
            Option.value("--timeout", "SECONDS", "bound"),
            Option.flag("--push", "push"),
            Option.refused("--password", "use REGISTRY_PASSWORD"));

    @Test
    public void readsValuesFlagsAndRepeatedOptions() throws Exception {
        ParsedOptions o = options.parse(List.of("--context", "dir", "--tag=a:1", "--tag", "b:2", "--push"));
        assertEquals("dir", o.value("--context"));
        assertEquals(List.of("a:1", "b:2"), o.values("--tag"));
        assertTrue(o.flag("--push"));
        assertFalse(o.flag("--timeout"));
    }

    @Test
    public void readsKeyValuePairsKeepingEverythingAfterTheFirstEquals() throws Exception {
        ParsedOptions o = options.parse(List.of("--context", "d", "--label", "a=1", "--label", "b=x=y"));
        assertEquals(Map.of("a", "1", "b", "x=y"), o.pairs("--label"));
    }

    @Test
    public void namesTheUnknownOption() {
        assertEquals("unknown option --nope", assertThrows(UsageException.class,
                () -> options.parse(List.of("--context", "d", "--nope"))).getMessage());
    }

    @Test
    public void namesTheMissingRequiredOption() {
        assertEquals("missing --context DIR", assertThrows(UsageException.class, () -> options.parse(List.of())).getMessage());
    }

    @Test
    public void explainsARefusedOption() {
        assertEquals("--password is not accepted: use REGISTRY_PASSWORD", assertThrows(UsageException.class,
                () -> options.parse(List.of("--password", "x"))).getMessage());
    }

    @Test
    public void rejectsAMissingValueARepeatedSingleOptionAndPositionals() {
        assertThrows(UsageException.class, () -> options.parse(List.of("--context")));
        assertThrows(UsageException.class, () -> options.parse(List.of("--context", "a", "--context", "b")));
        assertThrows(UsageException.class, () -> options.parse(List.of("--context", "a", "stray")));
        assertThrows(UsageException.class, () -> options.parse(List.of("--context", "a", "--push=yes")));
    }

    @Test
    public void rejectsABadNumberAndABadPair() throws Exception {
        ParsedOptions o = options.parse(List.of("--context", "d", "--timeout", "soon", "--label", "novalue"));
        assertEquals("--timeout wants a positive whole number, not \"soon\"",
                assertThrows(UsageException.class, () -> o.positive("--timeout", 1)).getMessage());
        assertEquals("--label wants KEY=VALUE, not \"novalue\"",
                assertThrows(UsageException.class, () -> o.pairs("--label")).getMessage());
    }

    @Test
    public void helpListsOptionsButNotRefusedOnes() {
        String help = options.help();
        assertTrue(help, help.contains("--context DIR"));
        assertTrue(help, help.contains("(required)"));
        assertFalse(help, help.contains("--password"));
    }
}
