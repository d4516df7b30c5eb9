package io.jenkins.plugins.containerrollout.core.engine;

import java.util.ArrayList;
import java.util.List;

/** A container's log text as the lines a person reads: any line ending, no empty line after the last newline. */
public final class LogText {
    private LogText() {
    }

    /** The lines of {@code text}, oldest first. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\\R", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
