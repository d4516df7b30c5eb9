package io.jenkins.plugins.containerrollout.core.report;

/**
 * Escaping for HTML text and attribute values; inline SVG lives in the same HTML document, so it uses the same two
 * contexts. Every user-controlled string of the report goes through here.
 *
 * <p>Usage: {@code out.append("<td title=\"").append(Html.attr(label)).append("\">").append(Html.text(label))}
 */
public final class Html {
    private Html() {
    }

    /** Text between tags: {@code & < >} escaped; quotes too, so the same string is also safe in an attribute. */
    public static String text(CharSequence s) {
        return attr(s);
    }

    /**
     * A quoted attribute value. Escapes {@code & < > " '}; C0 control characters other than tab, newline and carriage
     * return become U+FFFD, because they are not allowed in HTML and a browser would otherwise report a parse error.
     * Non-ASCII characters are kept as they are: the report is UTF-8.
     */
    public static String attr(CharSequence s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f ? "\uFFFD" : null;
            };
            if (r != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (r != null) {
                    out.append(r);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s.toString() : out.toString();
    }

    /** At most {@code max} characters of {@code s}, with a visible mark when cut (the caller escapes the result). */
    public static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "\u2026 [" + (s.length() - end) + " more characters]";
    }
}
