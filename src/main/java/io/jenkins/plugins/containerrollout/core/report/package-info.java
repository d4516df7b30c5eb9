/**
 * The self-contained HTML rollout report: one file with inline CSS and server-rendered SVG, no script at all, so it
 * passes Jenkins' Content-Security-Policy ({@code script-src 'self'}), opens offline and prints. The CLI, the demo and
 * the build page all render it from the same {@link io.jenkins.plugins.containerrollout.core.report.DeliveryReport}.
 * The job page's trend charts ({@link io.jenkins.plugins.containerrollout.core.report.TrendChart}) are drawn here too.
 *
 * <p>Usage: {@code HtmlReport.write(DeliveryReport.of("shop-web #42", entries), Path.of("report.html"));}
 */
package io.jenkins.plugins.containerrollout.core.report;
