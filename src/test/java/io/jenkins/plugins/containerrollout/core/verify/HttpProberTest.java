package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.net.URI;
import org.junit.Test;

/** What a verification records for a request nothing answered: words a user reads, not the JDK's exception name. */
public class HttpProberTest {
    @Test
    public void aRefusedConnectionIsRecordedInWords() throws Exception {
        Exchange refused = new HttpProber().send("GET", URI.create("http://127.0.0.1:" + LocalHttp.freePort() + "/"), 2000);
        assertFalse(refused.answered());
        assertEquals("refused", refused.outcome());
        assertEquals("connection refused", refused.error());
    }
}
