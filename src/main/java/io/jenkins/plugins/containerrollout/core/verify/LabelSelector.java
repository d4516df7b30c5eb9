package io.jenkins.plugins.containerrollout.core.verify;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code a=b,c} selectors into the engine's label filters ({@code a=b}, {@code c}), which all must match. */
final class LabelSelector {
    private LabelSelector() {
    }

    static List<String> parse(String selector, String what) {
        List<String> filters = new ArrayList<>();
        for (String part : selector.split(",")) {
            String p = part.trim();
            Validation.require(!p.isEmpty() && !p.startsWith("=") && p.indexOf('=') == p.lastIndexOf('='),
                    what + " '" + selector + "' is not a label selector; write key=value or key, comma-separated");
            filters.add(p);
        }
        return filters;
    }
}
