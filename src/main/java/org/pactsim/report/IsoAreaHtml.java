package org.pactsim.report;

import java.util.List;
import org.pactsim.study.IsoArea;

/** A one-page HTML summary of the iso-area study: the table, the findings and the charts. */
public final class IsoAreaHtml {
    private IsoAreaHtml() {
    }

    public static String page(IsoArea.Result r, List<String> chartFiles) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>pactsim iso-area: ")
                .append(esc(r.base().name())).append("</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}"
                        + "pre{font-size:12px;overflow-x:auto;background:#f6f6f6;padding:1em}img{max-width:100%}</style>\n</head><body>\n")
                .append("<h1>PACT iso-area study</h1>\n")
                .append("<p>Every precision gets the same compute area, total on-chip SRAM and DRAM bandwidth; "
                        + "speedups are against the baseline precision at the same bandwidth. Super-linearity = speedup / "
                        + "peak-TOPS ratio. Files: <a href=\"iso-area.csv\">iso-area.csv</a>, "
                        + "<a href=\"iso-area.json\">iso-area.json</a>.</p>\n")
                .append("<pre>").append(esc(IsoAreaReport.table(r))).append("</pre>\n");
        for (String f : chartFiles) {
            sb.append("<p><img src=\"").append(esc(f)).append("\" alt=\"").append(esc(f)).append("\"></p>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
