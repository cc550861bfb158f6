package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pactsim.io.out.AtomicFiles;
import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.format.TraceWriter;
import org.pactsim.io.onnx.OnnxImport;
import org.pactsim.io.onnx.OnnxImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pactsim import onnx MODEL.onnx}: a real model as a pactsim trace. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn a model file into a pactsim trace.",
        subcommands = {ImportCommand.Onnx.class})
public final class ImportCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: onnx");
    }

    /** {@code import onnx}. */
    @Command(name = "onnx", mixinStandardHelpOptions = true,
            description = "Import an ONNX model (QDQ, QLinear*, *Integer, dynamic or float) as a trace; prints what"
                    + " was quantized and how, and every op with no trace layer (see docs/onnx-import.md).")
    static final class Onnx implements Callable<Integer> {
        @Parameters(paramLabel = "MODEL", converter = Options.InputPath.class, description = "The .onnx file.")
        Path model;

        @Option(names = "--dim", paramLabel = "NAME=N",
                description = "Set a symbolic input dimension, e.g. --dim batch_size=1 --dim sequence_length=128"
                        + " (repeatable).")
        List<String> dims = new ArrayList<>();

        @Option(names = "--out", paramLabel = "FILE",
                description = "Write the trace here (.csv or .yaml) and print the import report; without it the CSV"
                        + " trace goes to standard output, the report as its # comments.")
        Path out;

        @Option(names = "--force", description = "With --out: replace an existing file.")
        boolean force;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            OnnxImport imp = OnnxImporter.importFile(model, OnnxImporter.dims(dims));
            List<String> comments = new ArrayList<>();
            comments.add("pactsim trace " + imp.network().name() + " imported from " + model.getFileName()
                    + " by 'pactsim import onnx'; format: docs/trace-format.md");
            comments.add("MACs " + imp.network().macs() + ", parameters " + imp.network().params());
            imp.network().notes().forEach(n -> comments.add("note: " + n));
            imp.quantization().forEach(q -> comments.add("gemm: " + q.describe()));
            PrintWriter w = spec.commandLine().getOut();
            if (out == null) {
                w.print(TraceWriter.csv(imp.network(), comments));
                w.flush();
                return 0;
            }
            String ext = InputFiles.extension(out);
            if (!ext.equals("csv") && !ext.equals("yaml") && !ext.equals("yml")) {
                throw InputException.at("--out", null, "a file ending in .csv, .yaml or .yml",
                        InputException.quote(out.toString()));
            }
            if (Files.exists(out) && (!force || Files.isDirectory(out))) {
                throw InputException.at("--out " + out, null, Files.isDirectory(out) ? "a file" :
                        "a new file (or --force to replace it)", Files.isDirectory(out) ? "a directory" : "an existing file");
            }
            AtomicFiles.write(out, ext.equals("csv") ? TraceWriter.csv(imp.network(), comments)
                    : TraceWriter.yaml(imp.network(), comments));
            w.print(imp.report());
            w.println("wrote " + out);
            w.flush();
            return 0;
        }
    }
}
