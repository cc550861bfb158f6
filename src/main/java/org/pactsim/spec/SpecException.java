package org.pactsim.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec or workload that breaks one or more rules; lists all of them. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violations.Violation> violations;

    public SpecException(List<Violations.Violation> violations) {
        super(violations.stream().map(Violations.Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public SpecException(String path, String expected, String found) {
        this(List.of(new Violations.Violation(path, expected, found)));
    }

    public List<Violations.Violation> violations() {
        return violations;
    }
}
