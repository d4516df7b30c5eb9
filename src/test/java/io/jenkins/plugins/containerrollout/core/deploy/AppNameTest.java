package io.jenkins.plugins.containerrollout.core.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** The one application-name rule: which names pass, and what a refusal says. */
public class AppNameTest {
    private static final List<String> ACCEPTED = List.of("web", "web-shop", "web_shop", "7", "0web", "a-", "a_",
            "a".repeat(63), "x" + "0123456789".repeat(6) + "ab");

    /** Each refused name with why: the rule must never loosen. */
    private static final List<String[]> REFUSED = List.of(
            new String[] {"Web", "upper case"},
            new String[] {"web.shop", "a dot splits container names"},
            new String[] {"-web", "starts with '-'"},
            new String[] {"_web", "starts with '_'"},
            new String[] {"a".repeat(64), "longer than 63"},
            new String[] {"web shop", "space"},
            new String[] {"web/shop", "slash"},
            new String[] {"wéb", "non-ASCII letter"},
            new String[] {"web\n", "trailing newline"});

    @Test
    public void acceptsLowerCaseDigitsDashAndUnderscoreUpTo63() {
        for (String app : ACCEPTED) {
            assertEquals(app, AppName.check(app));
        }
    }

    @Test
    public void refusesEverythingElseNamingTheParameterAndTheFix() {
        for (String[] row : REFUSED) {
            String app = row[0];
            IllegalArgumentException e = assertThrows(row[1], IllegalArgumentException.class, () -> AppName.check(app));
            assertEquals(row[1], "app: '" + app + "' is not a valid application name; use lower-case letters, digits, "
                    + "'-' and '_' (at most 63), e.g. 'web-shop'", e.getMessage());
        }
    }

    @Test
    public void aMissingNameIsRequired() {
        for (String app : Arrays.asList(null, "", "  ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppName.check(app));
            assertEquals("app: required; name the application, e.g. 'web-shop'", e.getMessage());
        }
    }
}
