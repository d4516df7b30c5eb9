package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import java.util.Map;
import java.util.TreeMap;

/** An image build: tags with their pushed digests, the image id, context size, duration and the image's labels. */
final class BuildSection {
    /** The OCI label carrying the source commit; the header shows it as "commit". */
    static final String REVISION_LABEL = "org.opencontainers.image.revision";
    static final int MAX_LABELS = 50;

    private BuildSection() {
    }

    static void render(StringBuilder out, BuildResult b) {
        Facts facts = Facts.open(out, "facts");
        facts.add("image id", Format.shortDigest(b.imageId()), b.imageId())
                .add("context", Format.bytes(b.contextBytes()))
                .add("duration", Format.duration(b.durationMillis()));
        if (!b.tags().isEmpty()) {
            // each tag with the digest it was pushed as (shortened; the full digest in the tooltip)
            StringBuilder tags = new StringBuilder("<ul class=\"tags\">");
            for (String tag : b.tags()) {
                String digest = b.digests().get(tag);
                tags.append("<li><code>").append(Html.text(tag)).append("</code> <span class=\"muted\"");
                if (digest != null) {
                    tags.append(" title=\"").append(Html.attr(digest)).append("\">").append(
                            Html.text(Format.shortDigest(digest)));
                } else {
                    tags.append(">not pushed");
                }
                tags.append("</span></li>");
            }
            facts.addMarkup("tags", tags.append("</ul>").toString());
        }
        facts.close();
        if (!b.labels().isEmpty()) {
            out.append("<details class=\"labels\"><summary>").append(b.labels().size())
                    .append(" image labels</summary><table class=\"plain\"><tbody>");
            int n = 0;
            for (Map.Entry<String, String> l : new TreeMap<>(b.labels()).entrySet()) {
                if (n++ == MAX_LABELS) {
                    break;
                }
                out.append("<tr><th scope=\"row\"><code>").append(Html.text(l.getKey())).append("</code></th><td>")
                        .append(Html.text(Html.clip(l.getValue(), 500))).append("</td></tr>");
            }
            out.append("</tbody></table>");
            if (b.labels().size() > MAX_LABELS) {
                out.append("<p class=\"note\">").append(b.labels().size() - MAX_LABELS).append(" more labels.</p>");
            }
            out.append("</details>");
        }
    }
}
