package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Interpolation as compose-spec/compose-spec {@code 12-interpolation.md} defines it. Variables: {@code TAG=7},
 * {@code EMPTY=""}, {@code HOST=db}; {@code UNSET} is not set.
 */
public class InterpolatorTest {
    private static final Map<String, String> VARS = Map.of("TAG", "7", "EMPTY", "", "HOST", "db");

    private static final String[][] RESULTS = {
        {"web:$TAG", "web:7"},
        {"web:${TAG}", "web:7"},
        {"${TAG}x", "7x"},
        {"$TAG-x", "7-x"},
        {"${UNSET:-latest}", "latest"},
        {"${EMPTY:-latest}", "latest"},
        {"${UNSET-latest}", "latest"},
        {"${EMPTY-latest}", ""},
        {"${TAG:-latest}", "7"},
        {"${TAG:?needed}", "7"},
        {"${EMPTY?needed}", ""},
        {"${UNSET:-${HOST}}", "db"},
        {"${UNSET:-${ALSO_UNSET:-x}}", "x"},
        {"${UNSET:-a}}", "a}"},
        {"$$TAG", "$TAG"},
        {"a $$ b", "a $ b"},
        {"${UNSET:-$$}", "$"},
        {"no variables", "no variables"},
        {"${UNSET:-a b c}", "a b c"},
    };

    /** Each malformed or failing expression and the start of the error it must give. */
    private static final String[][] ERRORS = {
        {"${TAG/a/b}", "has an invalid interpolation in '${TAG/a/b}': '${TAG/a/b}' uses an operator Compose does not define"},
        {"${TAG:+x}", "has an invalid interpolation in '${TAG:+x}': '${TAG:+x}' uses an operator"},
        {"${TAG", "has an invalid interpolation in '${TAG': a '${' is never closed"},
        {"$1", "has an invalid interpolation in '$1': '$1' is not a variable"},
        {"cost: 5$", "has an invalid interpolation in 'cost: 5$': a lone '$' at the end"},
        {"${}", "has an invalid interpolation in '${}': '${}' does not start with a variable name"},
        {"${UNSET:?set UNSET to the DB URL}", "needs variable UNSET, which is unset or empty: set UNSET to the DB URL;"},
        {"${EMPTY:?}", "needs variable EMPTY, which is unset or empty; set it in the environment or in the .env file"},
        {"${UNSET?}", "needs variable UNSET, which is unset; set it"},
    };

    @Test
    public void replacesEveryFormTheSpecDefines() {
        for (String[] row : RESULTS) {
            assertEquals(row[0], row[1], new Interpolator(VARS::get).apply(row[0], "services.web.image"));
        }
    }

    @Test
    public void refusesMalformedExpressionsAndMissingMandatoryVariablesNamingKeyAndVariable() {
        for (String[] row : ERRORS) {
            ComposeException e = assertThrows(row[0], ComposeException.class,
                    () -> new Interpolator(VARS::get).apply(row[0], "services.web.environment.URL"));
            assertEquals(row[0], "services.web.environment.URL", e.where());
            assertTrue(row[0] + " -> " + e.getMessage(),
                    e.getMessage().startsWith("services.web.environment.URL " + row[1]));
        }
    }

    @Test
    public void anUnsetVariableWithoutDefaultIsBlankWithAWarningAsTheSpecSays() {
        Interpolator i = new Interpolator(VARS::get);
        assertEquals("web:", i.apply("web:${UNSET}", "services.web.image"));
        assertEquals(List.of("services.web.image: variable UNSET is not set, defaulting to a blank string"), i.warnings());
    }
}
