package io.jenkins.plugins.containerrollout.core.report;

/**
 * The report's only style sheet, inlined into the page (no external asset). Light theme with text contrast of at
 * least 4.5:1; chart colours come from {@link RevisionColors}; a print block drops backgrounds and keeps sections
 * whole.
 */
final class ReportStyle {
    static final String CSS = """
            :root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;--card:#fff;\
            --ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--neutral:#57606a}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",\
            "Noto Sans",Helvetica,Arial,sans-serif}
            main{max-width:1200px;margin:0 auto;padding:24px 20px}
            h1{font-size:1.7rem;margin:.2em 0 .3em;display:flex;flex-wrap:wrap;align-items:center;gap:.5em}
            h2{font-size:1.3rem;margin:0 0 .6em;padding-bottom:.3em;border-bottom:1px solid var(--line)}
            h3{font-size:1.05rem;margin:1.1em 0 .35em}
            h4{font-size:.95rem;margin:1.2em 0 .4em}
            header,section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 22px;\
            margin-bottom:14px}
            .banner{margin:0 0 10px;padding:6px 12px;border-radius:6px;background:#fff8c5;border:1px solid #d4a72c;\
            font-weight:600}
            .lead{font-size:1.05rem;margin:.2em 0 .8em}
            .lead.why{border-left:4px solid var(--bad);padding:.3em .8em;background:#fff5f5;overflow-wrap:anywhere}
            .lead .cause{white-space:nowrap;font-weight:600}
            .stack{border-left:3px solid var(--muted);padding-left:.8em;margin:1.2em 0}
            .stack-head{display:flex;align-items:center;gap:.6em;flex-wrap:wrap}.stack-head h2{flex:1;margin:0}
            .stack-service>h3{margin:.8em 0 .2em;font-size:1em}
            .entry-body>summary{list-style:none;display:flex;align-items:center;gap:.6em;flex-wrap:wrap}
            .entry-body>summary::-webkit-details-marker{display:none}
            .entry-body>summary::before{content:"\\25b8";color:var(--muted)}
            .entry-body[open]>summary::before{content:"\\25be"}
            .entry-body>summary h2{flex:1;margin:0;border:none;padding:0}
            .entry-body[open]>summary{margin-bottom:.6em;padding-bottom:.3em;border-bottom:1px solid var(--line)}
            .badge{display:inline-block;font-size:.8rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;\
            color:#fff;border-radius:999px;padding:.2em .8em;vertical-align:middle}
            .badge.ok{background:var(--ok)}.badge.warn{background:var(--warn)}.badge.bad{background:var(--bad)}\
            .badge.neutral{background:var(--neutral)}
            .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:8px 20px;margin:.6em 0}
            .facts div{min-width:0}
            .facts dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
            .facts dd{margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem;\
            overflow-wrap:anywhere}
            nav ol{margin:.6em 0 0;padding-left:1.4em;columns:2}
            a{color:#0969da}
            .message{margin:.2em 0 .4em}
            .settings{margin:.2em 0;font-size:.8rem;color:var(--muted)}
            ul.tags{list-style:none;margin:0;padding:0}.muted{color:var(--muted)}
            .chart-box{border:1px solid var(--line);border-radius:6px;padding:6px;background:#fff}
            svg.chart{display:block;width:100%;height:auto;font:12px system-ui,sans-serif}
            svg text{fill:var(--fg)}
            .axis .grid,.grid{stroke:#e4e8ec;stroke-width:1}
            .grid.full{stroke:#8c959f;stroke-dasharray:4 3}
            .axis text,.tick{fill:var(--muted);font-size:11px}
            .axis-label{font-style:italic}
            .lane-bg{fill:#f6f8fa}.lane-bg.app{fill:#eef1f4}
            .lane-label{font-size:11.5px}.lane-label.small{font-size:8px}
            .bar{stroke:none}.bar.ready{fill-opacity:1}.bar.starting{fill-opacity:.3}
            .mark.failed{fill:#fff;stroke:var(--bad);stroke-width:2}.mark.failed-x{stroke:var(--bad);stroke-width:2}
            .mark.stopped{fill:#24292f}
            .mark.started{fill:#24292f}.mark.created{stroke:#57606a;stroke-width:1}
            .mark.probe{fill:var(--bad)}
            .mark.traffic{fill:#6e40c9}.mark.phase{fill:#57606a}
            .mark.rollback{fill:var(--bad)}.mark.restored{fill:var(--ok)}
            .rollback-band{fill:var(--bad);fill-opacity:.09}
            .rollback-line{stroke:var(--bad);stroke-width:2}
            .restored-line{stroke:var(--ok);stroke-width:2;stroke-dasharray:5 3}
            .rollback-label{fill:var(--bad);font-weight:700}.restored-label{fill:var(--ok);font-weight:700}\
            .rollback-label,.restored-label{paint-order:stroke;stroke:#fff;stroke-width:3px}
            .area{fill:#0072b2;fill-opacity:.12}.step{fill:none;stroke:#0072b2;stroke-width:2.5}
            .floor{stroke:var(--bad);stroke-width:1;stroke-dasharray:2 3}
            .minimum{fill:#fff;stroke:var(--bad);stroke-width:3}
            .minimum-label{fill:var(--bad);font-weight:700;font-size:12.5px;paint-order:stroke;stroke:#fff;stroke-width:4px}
            .sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            .facts .wide{grid-column:span 2}
            .note{color:var(--muted);font-style:italic}
            .legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;margin:.2em 0 .6em;\
            font-size:.9rem}
            .legend li{display:flex;align-items:center;gap:6px}
            .swatch{display:inline-block;width:22px;height:12px;border-radius:2px}
            .swatch.starting{background:#0072b2;opacity:.3}
            .swatch.rollback{background:rgba(207,34,46,.15);border-left:2px solid var(--bad)}
            .sym{display:inline-block;width:14px;text-align:center;font-weight:700}
            .sym.failed{color:var(--bad)}.sym.traffic{color:#6e40c9}
            .sym.stopped{width:4px;height:14px;background:#24292f}
            table{border-collapse:collapse;margin:.4em 0;width:100%}
            caption{text-align:left;font-weight:600;padding:.3em 0;color:var(--muted)}
            th,td{border-bottom:1px solid var(--line);padding:5px 10px;text-align:left;vertical-align:top}
            thead th{background:var(--bg);font-size:.85rem}
            td.num{font-variant-numeric:tabular-nums;white-space:nowrap;text-align:right}
            table.metrics td.num{font-weight:700;font-size:1.05rem}
            table.metrics th[scope=row]{white-space:nowrap}
            table.plain{font-size:.9rem}
            tr.ev-failed td,tr.ev-rollback_started td{color:var(--bad);font-weight:600}
            tr.ev-restored td{color:var(--ok);font-weight:600}
            table.analysis code{overflow-wrap:anywhere}table.analysis tr:first-child td:first-child{white-space:nowrap}
            table.analysis tr:first-child td{border-bottom:0}table.analysis td.reason{padding-top:0;font-size:.85rem}
            tbody.window-failed td{background:#fdecea}tbody.window-failed td:first-child{box-shadow:inset 4px 0 var(--bad)}
            details{margin:.5em 0}
            summary{cursor:pointer;font-weight:600}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
            .summary{font-weight:600}.summary.ok{color:var(--ok)}.summary.bad{color:var(--bad)}
            .tiles{list-style:none;display:flex;flex-wrap:wrap;gap:10px;padding:0;margin:.6em 0}
            .tiles li{border:1px solid var(--line);border-radius:6px;padding:6px 14px;min-width:92px;color:var(--muted)}
            .tiles .n{display:block;font-size:1.4rem;font-weight:700;color:var(--fg)}
            .tiles .ok .n{color:var(--ok)}.tiles .bad .n{color:var(--bad)}.tiles .warn .n{color:var(--warn)}
            .case{border:1px solid var(--line);border-left:4px solid var(--bad);border-radius:6px;padding:8px 12px}
            .case summary{font-weight:400}
            .case-name{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:600;\
            overflow-wrap:anywhere}
            .case-msg{color:var(--muted)}
            .case-facts{grid-template-columns:repeat(auto-fill,minmax(340px,1fr))}
            .tag{font-size:.72rem;font-weight:700;text-transform:uppercase;border-radius:4px;padding:.1em .45em;color:#fff}
            .tag.bad{background:var(--bad)}.tag.ok{background:var(--ok)}.tag.neutral{background:var(--neutral)}
            details.evidence{border:1px solid var(--line);border-radius:6px;padding:8px 12px}
            .pre-label{margin:.6em 0 .2em;font-size:.85rem;color:var(--muted)}
            pre.excerpt{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:10px;max-height:24em;\
            overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
            footer{text-align:center;color:var(--muted);font-size:.8rem;padding:0 0 24px}
            @media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}\
            header,section{border:none;padding:0 0 12pt;break-inside:avoid-page}section{break-before:auto}\
            .chart-box{break-inside:avoid}pre.excerpt{max-height:none}nav{display:none}}
            """;

    private ReportStyle() {
    }
}
