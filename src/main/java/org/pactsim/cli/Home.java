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

    /**
     * A shipped default file named relative to the installation: as given when it exists from
     * the working folder (or is absolute), else the installation's copy when that exists, else as
     * given (and the reader says it is missing).
     */
    static Path shipped(Path p) {
        if (p.isAbsolute() || Files.exists(p)) {
            return p;
        }
        Path home = dir();
        if (home != null && Files.exists(home.resolve(p))) {
            return home.resolve(p);
        }
        return p;
    }
}
