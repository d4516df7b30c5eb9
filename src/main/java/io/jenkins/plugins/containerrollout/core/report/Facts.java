package io.jenkins.plugins.containerrollout.core.report;

/**
 * Name/value pairs as a {@code <dl>}, the shape every "facts" block of the report takes (header, build, failing case).
 * Names are trusted literals; values are escaped, and empty ones are left out rather than shown blank.
 */
final class Facts {
    private final StringBuilder out;

    private Facts(StringBuilder out) {
        this.out = out;
    }

    static Facts open(StringBuilder out, String cssClass) {
        out.append("<dl class=\"").append(cssClass).append("\">");
        return new Facts(out);
    }

    Facts add(String name, String value) {
        return add(name, value, null);
    }

    /** With {@code full} the value is shown shortened and the full text sits in a tooltip (digests, ids). */
    Facts add(String name, String value, String full) {
        if (value != null && !value.isEmpty()) {
            // long values (strategy settings) take two grid columns instead of wrapping into a tall cell
            out.append(value.length() > 40 ? "<div class=\"wide\"><dt>" : "<div><dt>").append(name).append("</dt><dd");
            if (full != null && !full.equals(value)) {
                out.append(" title=\"").append(Html.attr(full)).append('"');
            }
            out.append('>').append(Html.text(value)).append("</dd></div>");
        }
        return this;
    }

    /** A value that is already markup built from escaped parts. */
    Facts addMarkup(String name, String markup) {
        out.append("<div class=\"wide\"><dt>").append(name).append("</dt><dd>").append(markup).append("</dd></div>");
        return this;
    }

    void close() {
        out.append("</dl>");
    }
}
