package io.jenkins.plugins.containerrollout.core.router;

import io.jenkins.plugins.containerrollout.core.analysis.ServerCounters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the server lines of HAProxy's {@code show stat} CSV into {@link ServerCounters}. Columns are found by the
 * names of the header line ({@code # pxname,svname,...}), as HAProxy's management guide (section 9.1, "CSV format")
 * asks of tools: fields after the static ones may move between versions. A column a version lacks reads as 0, except
 * {@code req_tot}, which servers report only since HAProxy 2.x: without it a server's requests are its responses plus
 * its broken-off ones. A server's connection errors are {@code econ} plus {@code wredis}: with {@code option
 * redispatch} a request whose connects to the server failed is moved to another server and counted there, not in the
 * failing server's {@code econ} (seen on HAProxy 2.6).
 *
 * <p>Usage: {@code List<ServerCounters> s = StatCsv.servers(reply, "web");}
 */
public final class StatCsv {
    private StatCsv() {
    }

    /** The servers of {@code backend} in a {@code show stat} reply, in the reply's order. */
    public static List<ServerCounters> servers(String csv, String backend) {
        List<ServerCounters> out = new ArrayList<>();
        Map<String, Integer> column = null;
        for (String line : csv.split("\n")) {
            if (line.startsWith("# ")) {
                column = header(line.substring(2));
                continue;
            }
            if (column == null || line.isBlank()) {
                continue;
            }
            List<String> f = fields(line);
            Row row = new Row(column, f);
            if (!backend.equals(row.text("pxname")) || !"2".equals(row.text("type"))) {
                continue;
            }
            long requests = column.containsKey("req_tot") ? row.number("req_tot")
                    : row.number("hrsp_1xx") + row.number("hrsp_2xx") + row.number("hrsp_3xx") + row.number("hrsp_4xx")
                    + row.number("hrsp_5xx") + row.number("hrsp_other") + row.number("eresp");
            out.add(new ServerCounters(row.text("svname"), port(row.text("addr")), requests, row.number("hrsp_1xx"),
                    row.number("hrsp_2xx"), row.number("hrsp_3xx"), row.number("hrsp_4xx"), row.number("hrsp_5xx"),
                    row.number("hrsp_other"), row.number("econ") + row.number("wredis"), row.number("eresp"),
                    row.number("rtime"), row.number("ttime"), row.number("rtime_max"), row.number("ttime_max"),
                    row.number("scur")));
        }
        return out;
    }

    private static Map<String, Integer> header(String line) {
        Map<String, Integer> column = new HashMap<>();
        List<String> names = fields(line);
        for (int i = 0; i < names.size(); i++) {
            column.putIfAbsent(names.get(i).trim(), i);
        }
        return column;
    }

    /** {@code 127.0.0.1:21002} gives 21002; an empty or unix address gives 0. */
    private static int port(String addr) {
        int colon = addr.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(addr.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One CSV line: commas split, double quotes enclose a field holding commas, a doubled quote is a quote. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    /** A data line read through the header's column names. */
    private record Row(Map<String, Integer> column, List<String> fields) {
        String text(String name) {
            Integer i = column.get(name);
            return i == null || i >= fields.size() ? "" : fields.get(i);
        }

        long number(String name) {
            String v = text(name);
            try {
                return v.isEmpty() ? 0 : Long.parseLong(v);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
