package org.pactsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where pactsim is installed: the folder holding {@code bin/}, {@code target/} and the shipped
 * {@code arch-configs/} and {@code traces/}. {@code bin/pactsim} passes it as the system property
 * {@code pactsim.home} (following symlinks to itself); without it, the folder above the jar's
 * (or the classes') folder.
 */
final class Home {
    private Home() {
    }

    /** The installation folder, or null when it cannot be told. */
    static Path dir() {
        String p = System.getProperty("pactsim.home");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        try {
            Path loc = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = loc.getParent();
            return target == null ? null : target.getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The kinds of shipped files a command line may name. */
    enum Kind {
        ARCH("arch-configs", "an accelerator file or a shipped accelerator", ".yaml .json .cfg"),
        TRACE("traces", "a trace file or a shipped trace", ".csv .yaml .json"),
        SWEEP("arch-configs/sweeps", "a sweep spec or a shipped sweep", ".yaml .json");

        final String folder;
        final String what;
        /** Extensions tried for a name, in order, space-separated (an enum's fields stay immutable). */
        final String extensions;

        Kind(String folder, String what, String extensions) {
            this.folder = folder;
            this.what = what;
            this.extensions = extensions;
        }
    }

    /**
     * A file given on the command line, found from any working folder: as given when it exists
     * (or is absolute); else a shipped file by name ({@code tpu-v1}: {@code arch-configs/tpu-v1.yaml}
     * of the installation; {@code resnet50-int8}: {@code traces/resnet50-int8.csv}); else the
     * installation's copy of a relative path ({@code arch-configs/tpu-v1.yaml} from {@code /tmp}).
     * A name that is none of these is a one-line error listing the shipped names.
     */
    static Path find(Path given, String option, Kind kind) {
        if (given.isAbsolute() || Files.exists(given)) {
            return given;
        }
        Path home = dir();
        String name = given.toString();
        if (home != null) {
            Path folder = home.resolve(kind.folder);
            if (given.getNameCount() == 1 && !name.contains(".")) {
                for (String ext : kind.extensions.split(" ")) {
                    Path f = folder.resolve(name + ext);
                    if (Files.isRegularFile(f)) {
                        return f;
                    }
                }
            }
            if (Files.exists(home.resolve(given))) {
                return home.resolve(given);
            }
        }
        if (given.getNameCount() == 1 && !name.contains(".")) {
            java.util.List<String> all = names(home, kind);
            String close = org.pactsim.io.Suggest.closest(name, all);
            String list = all.isEmpty() ? "none found: no installation folder" : all.size() <= 12 ? String.join(", ", all)
                    : String.join(", ", all.subList(0, 12)) + " and " + (all.size() - 12) + " more in " + kind.folder;
            throw org.pactsim.io.InputException.at(option, null, kind.what + " (" + (close != null
                    ? "did you mean " + close + "? " : "") + list + ")", org.pactsim.io.InputException.quote(name));
        }
        return given;
    }

    /**
     * A relative input path: as given when it exists from the working folder (or is absolute),
     * else the installation's copy when that exists, else as given (the reader says it is missing).
     */
    static Path atHome(Path p) {
        if (p.isAbsolute() || Files.exists(p)) {
            return p;
        }
        Path home = dir();
        return home != null && Files.exists(home.resolve(p)) ? home.resolve(p) : p;
    }

    /** The shipped names of a kind, sorted (none without an installation folder). */
    static java.util.List<String> names(Path home, Kind kind) {
        if (home == null || !Files.isDirectory(home.resolve(kind.folder))) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> s = Files.list(home.resolve(kind.folder))) {
            java.util.List<String> n = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(f -> f.matches(".*\\.(yaml|csv|json|cfg)")).map(f -> f.replaceFirst("\\.[a-z]+$", ""))
                    .distinct().sorted().toList();
            return n;
        } catch (java.io.IOException e) {
            return java.util.List.of();
        }
    }
}
