package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

/** Parsing of form values behind the steps' validation. */
public class FormChecksTest {

    @Test
    public void textAreaLinesSkipBlanksAndStripSpaces() {
        assertEquals(List.of("a:1", "b:2"), FormChecks.lines(" a:1 \r\n\n b:2\n"));
    }

    @Test
    public void aTimeoutOfOneMinuteOrMoreIsValid() {
        assertTrue(FormChecks.positiveInt(" 5 "));
    }

    @Test
    public void aTimeoutBelowOneMinuteIsInvalid() {
        assertFalse(FormChecks.positiveInt("0"));
    }

    @Test
    public void aTimeoutThatIsNoNumberIsInvalid() {
        assertFalse(FormChecks.positiveInt("five"));
    }
}
