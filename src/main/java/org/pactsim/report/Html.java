package org.pactsim.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML report page: its CSS and its one script inline, charts as inline SVG,
 * nothing fetched from the network. Tables are real {@code <table>}s with units in the headers,
 * numbers right-aligned, sortable by a click on a column header (numbers by value, text
 * alphabetically; the header's {@code aria-sort} says how). Wide tables scroll inside their
 * own box, so the page itself never scrolls sideways.
 */
public final class Html {
    private static final String CSS = String.join("\n",
            "*{box-sizing:border-box}",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:1200px;"
                    + "padding:1em 1.5em;color:#1b1b1b;line-height:1.4}",
            "h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}",
            "h3{font-size:1.05em}",
            ".inputs{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1.2em;font-size:.92em}",
            ".inputs dt{font-weight:600}.inputs dd{margin:0;overflow-wrap:anywhere}",
            ".scroll{overflow-x:auto;max-width:100%;margin:.6em 0}",
            "table{border-collapse:collapse;font-size:.85em}",
            "th,td{padding:.25em .6em;border-bottom:1px solid #e4e4e4;white-space:nowrap}",
            "th{background:#f3f5f8;text-align:left;cursor:pointer;user-select:none;position:sticky;top:0}",
            "th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}",
            "th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}",
            "tr.hi td{background:#fff6d6}",
            "figure{margin:1em 0}figure svg{max-width:100%;height:auto;display:block}",
            "figcaption{font-size:.85em;color:#555}",
            "details{margin:.4em 0}summary{cursor:pointer;font-weight:600}",
            "pre{background:#f6f6f6;padding:.8em;overflow-x:auto;font-size:.8em}",
            ".note{color:#555;font-size:.9em}");

    private static final String SCRIPT = String.join("\n",
            "document.querySelectorAll('table.sortable').forEach(function (t) {",
            "  t.querySelectorAll('thead th').forEach(function (th, col) {",
            "    th.addEventListener('click', function () {",
            "      var asc = th.getAttribute('aria-sort') !== 'ascending';",
            "      t.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });",
            "      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');",
            "      var body = t.tBodies[0];",
            "      var rows = Array.prototype.slice.call(body.rows);",
            "      var num = th.classList.contains('num');",
            "      function key(r) {",
            "        var c = r.cells[col];",
            "        if (!num) { return c.textContent; }",
            "        var v = parseFloat(c.getAttribute('data-v'));",
            "        return isNaN(v) ? -Infinity : v;",
            "      }",
            "      rows.sort(function (a, b) {",
            "        var x = key(a), y = key(b);",
            "        var d = num ? (x < y ? -1 : x > y ? 1 : 0) : String(x).localeCompare(String(y));",
            "        return asc ? d : -d;",
            "      });",
            "      rows.forEach(function (r) { body.appendChild(r); });",
            "    });",
            "  });",
            "});");

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public Html(String title) {
        this.title = title;
    }

    /** A heading: level 1 to 3. */
    public Html heading(int level, String text) {
        body.append("<h").append(level).append('>').append(esc(text)).append("</h").append(level).append(">\n");
        return this;
    }

    /** A paragraph of plain text. */
    public Html para(String text) {
        body.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    /** A paragraph of already-escaped HTML. */
    public Html raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    /** The run's inputs, as a definition list. */
    public Html inputs(Map<String, String> items) {
        body.append("<dl class=\"inputs\">\n");
        items.forEach((k, v) -> body.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v))
                .append("</dd>\n"));
        body.append("</dl>\n");
        return this;
    }

    /** Preformatted text (the resolved accelerator, say) inside a folded section. */
    public Html folded(String summary, String text) {
        body.append("<details><summary>").append(esc(summary)).append("</summary><pre>").append(esc(text))
                .append("</pre></details>\n");
        return this;
    }

    /** Opens a folded section; close it with {@link #endFold}. */
    public Html fold(String summary, String id) {
        body.append("<details id=\"").append(esc(id)).append("\"><summary>").append(esc(summary))
                .append("</summary>\n");
        return this;
    }

    public Html endFold() {
        body.append("</details>\n");
        return this;
    }

    /** A chart: inline SVG ({@link SvgChart}) and a caption. */
    public Html figure(String svg, String caption) {
        body.append("<figure>").append(svg).append("<figcaption>").append(esc(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    /**
     * A sortable table. A column is numeric when its header is marked with {@link Column#num};
     * a numeric cell is a {@link Number} (shown with {@link Fmt}, sorted by its value) or null
     * (shown as a dash). Rows whose index is in {@code highlight} are marked.
     */
    public Html table(String id, List<Column> columns, List<List<Object>> rows, java.util.Set<Integer> highlight) {
        body.append("<div class=\"scroll\"><table class=\"sortable\" id=\"").append(esc(id)).append("\">\n<thead><tr>");
        for (Column c : columns) {
            body.append("<th").append(c.numeric() ? " class=\"num\"" : "").append(c.description() == null ? ""
                    : " title=\"" + esc(c.description()) + "\"").append('>').append(esc(c.header())).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            body.append(highlight.contains(r) ? "<tr class=\"hi\">" : "<tr>");
            for (int i = 0; i < columns.size(); i++) {
                Object v = i < row.size() ? row.get(i) : null;
                if (columns.get(i).numeric()) {
                    body.append("<td class=\"num\" data-v=\"").append(v instanceof Number n ? number(n) : "")
                            .append("\">").append(v == null ? "-" : esc(show(v))).append("</td>");
                } else {
                    body.append("<td>").append(v == null ? "" : esc(v.toString())).append("</td>");
                }
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        return this;
    }

    /** A column: its header (with its unit), whether it holds numbers, and a hover description. */
    public record Column(String header, boolean numeric, String description) {
        public static Column text(String header) {
            return new Column(header, false, null);
        }

        public static Column num(String header) {
            return new Column(header, true, null);
        }

        public static Column num(String header, String description) {
            return new Column(header, true, description);
        }
    }

    /** The page: a complete HTML document. */
    public String page() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + esc(title)
                + "</title>\n<style>\n" + CSS + "\n</style>\n</head><body>\n" + body
                + "<script>\n" + SCRIPT + "\n</script>\n</body></html>\n";
    }

    private static String show(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return Fmt.count(((Number) v).longValue());
        }
        if (v instanceof Double d) {
            return Double.isInfinite(d) ? "unlimited" : Fmt.real(d);
        }
        return v.toString();
    }

    private static String number(Number n) {
        if (n instanceof Double d) {
            return Double.isNaN(d) ? "" : Double.isInfinite(d) ? (d > 0 ? "1e308" : "-1e308")
                    : String.format(Locale.ROOT, "%.17g", d);
        }
        return n.toString();
    }

    /** Text escaped for HTML content and attribute values. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
