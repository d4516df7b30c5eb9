package io.jenkins.plugins.containerrollout.core.report;

/**
 * The few SVG shapes the charts draw, each with an optional tooltip: a {@code <title>} child is what browsers show on
 * hover and screen readers read, and it needs no script. Coordinates are rounded by {@link Format#px}; every text
 * goes through {@link Html}.
 */
final class Svg {
    private final StringBuilder out;

    Svg(StringBuilder out) {
        this.out = out;
    }

    Svg rect(String cssClass, double x, double y, double w, double h, String fill, String tooltip) {
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(Format.px(x)).append("\" y=\"")
                .append(Format.px(y)).append("\" width=\"").append(Format.px(Math.max(w, 1))).append("\" height=\"")
                .append(Format.px(h)).append('"');
        if (fill != null) {
            out.append(" fill=\"").append(fill).append('"');
        }
        return close("rect", tooltip);
    }

    Svg line(String cssClass, double x1, double y1, double x2, double y2, String tooltip) {
        out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(Format.px(x1)).append("\" y1=\"")
                .append(Format.px(y1)).append("\" x2=\"").append(Format.px(x2)).append("\" y2=\"").append(Format.px(y2))
                .append('"');
        return close("line", tooltip);
    }

    Svg circle(String cssClass, double cx, double cy, double r, String fill, String tooltip) {
        out.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(Format.px(cx)).append("\" cy=\"")
                .append(Format.px(cy)).append("\" r=\"").append(Format.px(r)).append('"');
        if (fill != null) {
            out.append(" fill=\"").append(fill).append('"');
        }
        return close("circle", tooltip);
    }

    /** A path given as SVG path data built by the caller from numbers only. */
    Svg path(String cssClass, String d, String tooltip) {
        out.append("<path class=\"").append(cssClass).append("\" d=\"").append(d).append('"');
        return close("path", tooltip);
    }

    Svg text(String cssClass, double x, double y, String anchor, String text) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(Format.px(x)).append("\" y=\"")
                .append(Format.px(y)).append("\" text-anchor=\"").append(anchor).append("\">").append(Html.text(text))
                .append("</text>");
        return this;
    }

    private Svg close(String element, String tooltip) {
        if (tooltip == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(Html.text(tooltip)).append("</title></").append(element).append('>');
        }
        return this;
    }
}
