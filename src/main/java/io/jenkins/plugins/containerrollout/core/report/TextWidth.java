package io.jenkins.plugins.containerrollout.core.report;

/**
 * A conservative width of SVG text, with no font at hand: the page names a system font stack, so the actual glyphs
 * are not known when the chart is written. Every character is taken as wide as a broad sans-serif glyph of its kind
 * (wide East Asian characters a full em), so a margin grown to this width never cuts a label; a too-wide estimate
 * only leaves some white space.
 *
 * <p>Usage: {@code double w = TextWidth.of("rev 7 · slot 1 · :18081", 11.5);}
 */
final class TextWidth {
    private TextWidth() {
    }

    /** Estimated width in px of {@code text} at {@code fontPx}. */
    static double of(String text, double fontPx) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x1100 && (Character.isIdeographic(c) || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xFF00 && c <= 0xFFEF
                    || c >= 0x3000 && c <= 0x30FF || c >= 0x1F300)) {
                em += 1.0;
            } else if ("MWmw@%".indexOf(c) >= 0 || Character.isUpperCase(c)) {
                em += 0.85;
            } else if (" .,:;'|!il".indexOf(c) >= 0) {
                em += 0.4;
            } else {
                em += 0.62;
            }
        }
        return em * fontPx;
    }
}
