package org.pactsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.pactsim.cost.CostTables;
import org.pactsim.io.format.CostTableWriter;
import org.pactsim.io.InputException;
import org.pactsim.report.CostTablesText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactsim tables}: prints the resolved cost tables with units, bases and sources,
 * optionally scaled to one technology node; {@code --format csv} prints them in the table
 * file format, ready to edit and pass back with {@code --tables}.
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "Print the resolved cost tables (area, energy, leakage, technology scaling) with units and sources.")
public final class TablesCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { table, csv, json, text }

    @Option(names = "--node", paramLabel = "NM",
            description = "Scale every value to this technology node (nm); it must be in the tech table.")
    Integer node;

    @Mixin
    Options.Tables tables;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: table (default; text is the same, its former name), csv (the table file"
                    + " format, to edit and pass back with --tables) or json.")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CostTables t = tables.read();
        if (node != null && !t.tech().has(node)) {
            throw InputException.at("--node", null, "a node of the tech table (" + t.tech().nodesText() + ")",
                    Integer.toString(node));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(format == Format.csv ? CostTableWriter.csv(t, node) : format == Format.json ? CostTableWriter.json(t, node)
                : CostTablesText.text(t, node));
        w.flush();
        return 0;
    }
}
