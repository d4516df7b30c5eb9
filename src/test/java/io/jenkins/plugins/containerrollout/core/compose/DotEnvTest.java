package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

/** The {@code .env} / {@code env_file} format: comments, quotes, {@code export}, interpolation from earlier lines. */
public class DotEnvTest {
    @Test
    public void readsQuotedUnquotedAndExportedLinesInterpolatingAllButSingleQuoted() {
        String text = "# settings\n\nTAG=7\nexport MODE = prod \nIMAGE=web:${TAG}\nLITERAL='web:${TAG}'\n"
                + "QUOTED=\"a #b ${HOME_DIR}\"\nESCAPED=\"\\$HOME_DIR\\tx\"\nCOMMENTED=value # note\nEMPTY=\n";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("TAG", "7");
        expected.put("MODE", "prod");
        expected.put("IMAGE", "web:7");
        expected.put("LITERAL", "web:${TAG}");
        expected.put("QUOTED", "a #b /home/u");
        expected.put("ESCAPED", "$HOME_DIR\tx");
        expected.put("COMMENTED", "value");
        expected.put("EMPTY", "");
        assertEquals(expected, DotEnv.parse(text, ".env", Map.of("HOME_DIR", "/home/u")::get));
    }

    @Test
    public void aLineWithoutEqualsIsAnErrorNamingFileAndLine() {
        ComposeException e = assertThrows(ComposeException.class,
                () -> DotEnv.parse("A=1\njust words\n", ".env", v -> null));
        assertEquals(".env line 2 is not KEY=VALUE: 'just words'", e.getMessage());
    }
}
