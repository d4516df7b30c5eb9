package hudson;

import java.util.Map;
import java.util.TreeMap;

/** Real EnvVars is a case-insensitive TreeMap; the map behaviour is kept so glue tests can use it. */
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(Map<String, String> m) {
        this();
        putAll(m);
    }
}
