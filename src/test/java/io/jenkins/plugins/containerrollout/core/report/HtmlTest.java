package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class HtmlTest {
    @Test
    public void escapesMarkupAndQuotes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
                Html.attr("<a href=\"x\" title='y'>&amp;</a>"));
        assertEquals(Html.attr("<\"'&>"), Html.text("<\"'&>"));
    }

    @Test
    public void keepsNonAsciiAsIs() {
        assertEquals("Zürich – 東京 😀", Html.text("Zürich – 東京 😀"));
    }

    @Test
    public void replacesControlCharactersButKeepsWhitespace() {
        assertEquals("a\uFFFDb\tc\nd\re\uFFFD", Html.text("a\u0000b\tc\nd\re\u007f"));
    }

    @Test
    public void returnsEmptyForNull() {
        assertEquals("", Html.text(null));
    }

    @Test
    public void clipsWithoutSplittingASurrogatePair() {
        String clipped = Html.clip("ab😀cd", 3);
        assertTrue(clipped, clipped.startsWith("ab\u2026"));
        assertTrue(clipped, clipped.endsWith("[4 more characters]"));
        assertEquals("short", Html.clip("short", 10));
    }
}
