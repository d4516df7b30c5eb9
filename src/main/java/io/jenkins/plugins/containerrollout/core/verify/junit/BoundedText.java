package io.jenkins.plugins.containerrollout.core.verify.junit;

/**
 * A string builder that stops growing at a limit and remembers that it did, so a test that prints megabytes keeps
 * the parser's memory flat.
 */
final class BoundedText {
    private final int limit;
    private final StringBuilder text = new StringBuilder();
    private boolean truncated;

    BoundedText(int limit) {
        this.limit = limit;
    }

    void append(CharSequence chars) {
        int room = limit - text.length();
        if (chars.length() <= room) {
            text.append(chars);
        } else {
            text.append(chars, 0, Math.max(0, room));
            truncated = true;
        }
    }

    void append(char[] chars, int start, int length) {
        append(java.nio.CharBuffer.wrap(chars, start, length));
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    void clear() {
        text.setLength(0);
        truncated = false;
    }

    @Override
    public String toString() {
        return truncated ? text + "\n[truncated]" : text.toString();
    }
}
