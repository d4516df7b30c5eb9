package io.jenkins.plugins.containerrollout.core.compose;

import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The line of each key of a Compose file, by the dotted path errors use ({@code services.web.ports[1]}), so an error
 * can say where to look in a long file. A key brought in by a merge ({@code <<: *fragment}) has the fragment's line.
 */
final class YamlLines {
    /** Deep enough for any Compose file; bounds the walk should aliases ever nest into themselves. */
    private static final int MAX_DEPTH = 64;

    private final Map<String, Integer> lines = new HashMap<>();

    private YamlLines() {
    }

    /** Indexes {@code yaml}, already known to parse with {@code settings}. */
    static YamlLines of(String yaml, LoadSettings settings) {
        YamlLines index = new YamlLines();
        new Compose(settings).composeString(yaml).ifPresent(root -> index.walk(root, "", 0));
        return index;
    }

    /** The 1-based line of {@code where} or of its nearest parent that has one, or 0 when none has. */
    int lineOf(String where) {
        String path = where;
        while (!path.isEmpty()) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? "" : path.substring(0, cut);
        }
        return 0;
    }

    private void walk(Node node, String at, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof MappingNode map) {
            // with the core schema the composer has already replaced a merge key by the fragment's own tuples
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    String path = at.isEmpty() ? key.getValue() : at + "." + key.getValue();
                    lines.putIfAbsent(path, key.getStartMark().map(m -> m.getLine() + 1).orElse(0));
                    walk(t.getValueNode(), path, depth + 1);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node item = seq.getValue().get(i);
                lines.putIfAbsent(at + "[" + i + "]", item.getStartMark().map(m -> m.getLine() + 1).orElse(0));
                walk(item, at + "[" + i + "]", depth + 1);
            }
        }
    }
}
