package org.pactsim.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.pactsim.engine.OverflowException;
import org.pactsim.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of {@code pactsim}. */
@Command(name = "pactsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Cycle-level simulator and design-space explorer for precision-configurable "
                + "systolic-array DNN accelerators.",
        subcommands = {CalibrateCommand.class, CompareCommand.class, ImportCommand.class, IsoAreaCommand.class, LlmCommand.class, RecostCommand.class, RtlCommand.class,
                SimulateCommand.class, ScaleSimCommand.class, SweepCommand.class, TablesCommand.class,
                TracesCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for input the user can fix. */
    public static final int EXIT_INPUT = 2;
    /** Exit code for a failure inside pactsim. */
    public static final int EXIT_INTERNAL = 1;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'pactsim --help'");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // The terminal's encoding (the platform default), said explicitly; files are always UTF-8.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs {@code pactsim args} in-process and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // an empty argument is no path: Path.of("") is the working directory ("found a directory")
        cl.registerConverter(java.nio.file.Path.class, s -> {
            if (s.isEmpty()) {
                throw new CommandLine.TypeConversionException("an empty argument");
            }
            return java.nio.file.Path.of(s);
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            String empty = emptyPath(ex);
            if (empty != null) {
                err.println("pactsim: " + empty);
                return EXIT_INPUT;
            }
            String refused = Options.refusedValue(ex);
            if (refused != null) {
                err.println("pactsim: " + refused);
                return EXIT_INPUT;
            }
            err.println("pactsim: " + InputException.oneLine(ex.getMessage()));
            if (!(ex instanceof CommandLine.UnmatchedArgumentException)
                    || !CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try 'pactsim " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            }
            return EXIT_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, err, debug));
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(e, err, debug);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The documented one-line internal error for a run that needed more heap than the JVM has,
     * with how to give it more (an OutOfMemoryError printed its stack trace and nothing else).
     */
    static int outOfMemory(OutOfMemoryError e, PrintWriter err, boolean debug) {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        err.println("pactsim: internal error: out of memory (" + InputException.oneLine(String.valueOf(e.getMessage()))
                + ", a heap of " + mb + " MB): give Java more, e.g. PACTSIM_JAVA_OPTS=-Xmx" + Math.max(2, (2 * mb) >> 10)
                + "g bin/pactsim ..., or make the input smaller");
        if (debug) {
            e.printStackTrace(err);
        }
        return EXIT_INTERNAL;
    }

    /** The OutOfMemoryError behind {@code ex} (a worker thread's, wrapped), or null. */
    private static OutOfMemoryError oom(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return (OutOfMemoryError) t;
            }
        }
        return null;
    }

    /** {@code --arch "": expected a path, found an empty argument}, or null for other mistakes. */
    private static String emptyPath(CommandLine.ParameterException ex) {
        CommandLine.Model.ArgSpec a = ex.getArgSpec();
        if (a == null || !"".equals(ex.getValue()) || !(a instanceof CommandLine.Model.OptionSpec)
                || (a.type() != java.nio.file.Path.class && a.auxiliaryTypes()[0] != java.nio.file.Path.class)) {
            return null;
        }
        return InputException.at(((CommandLine.Model.OptionSpec) a).longestName() + " \"\"", null, "a path",
                "an empty argument").getMessage();
    }

    private static String commandPath(CommandLine c) {
        String name = c.getCommandSpec().qualifiedName(" ");
        return name.startsWith("pactsim") ? name.substring("pactsim".length()).trim() + (name.equals("pactsim") ? "" : " ")
                : "";
    }

    static int handle(Exception ex, PrintWriter err, boolean debug) {
        if (oom(ex) != null) {
            return outOfMemory(oom(ex), err, debug);
        }
        if (ex instanceof InputException || ex instanceof OverflowException
                || ex instanceof org.pactsim.spec.SpecException) {
            err.println("pactsim: " + InputException.oneLine(ex.getMessage()));
            if (debug) {
                ex.printStackTrace(err);
            }
            return EXIT_INPUT;
        }
        if (ex instanceof UncheckedIOException) {
            err.println("pactsim: " + InputException.oneLine(ex.getMessage()));
            if (debug) {
                ex.printStackTrace(err);
            }
            return EXIT_INPUT;
        }
        err.println("pactsim: internal error: " + InputException.oneLine(String.valueOf(ex))
                + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) {
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            err.print(sw);
        }
        return EXIT_INTERNAL;
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"pactsim " + (v == null ? "dev" : v)};
        }
    }
}
