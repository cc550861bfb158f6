package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pactsim.io.InputException;
import org.pactsim.io.format.ResultReader;
import org.pactsim.io.out.AtomicFiles;
import org.pactsim.report.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pactsim compare A.json B.json}: two simulate results side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two results of 'pactsim simulate' (result.json of --out, or --format json output):"
                + " their totals with B / A, and each layer both have, as a table, CSV or JSON, and as HTML with --html.")
public final class CompareCommand implements Callable<Integer> {
    /** Output formats on standard output. */
    enum Format { table, csv, json }

    @Parameters(index = "0", paramLabel = "A.json", converter = Options.InputPath.class, description = "The first result.")
    Path a;

    @Parameters(index = "1", paramLabel = "B.json", converter = Options.InputPath.class, description = "The second result.")
    Path b;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Standard output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the comparison as one self-contained HTML page (a new file, or any with --force).")
    Path html;

    @Option(names = "--force", description = "With --html: replace that file.")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (html != null && Files.exists(html) && !force) {
            throw InputException.at("--html " + html, null, "a new file (or --force to replace it)", "an existing file");
        }
        Comparison c = Comparison.of(ResultReader.read(a), ResultReader.read(b));
        if (html != null) {
            AtomicFiles.write(html, c.html(Options.runInfo(spec)));
        }
        PrintWriter w = spec.commandLine().getOut();
        switch (format) {
            case csv: w.print(c.csv()); break;
            case json: w.print(c.json()); break;
            default: w.print(c.table()); break;
        }
        w.flush();
        return 0;
    }
}
