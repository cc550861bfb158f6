package org.pactsim.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec or workload that breaks one or more rules; lists all of them. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violations.Violation> violations;

    public SpecException(List<Violations.Violation> violations) {
        super(text(violations));
        this.violations = List.copyOf(violations);
    }

    public SpecException(String path, String expected, String found) {
        this(List.of(new Violations.Violation(path, expected, found)));
    }

    private SpecException(Violations.Violation v) {
        super(null, null, false, false);
        this.violations = List.of(v);
    }

    /** The violations, {@code "; "}-separated (built when asked for a quiet refusal). */
    @Override
    public String getMessage() {
        String m = super.getMessage();
        return m != null ? m : text(violations);
    }

    private static String text(List<Violations.Violation> vs) {
        return vs.stream().map(Violations.Violation::toString).collect(Collectors.joining("; "));
    }

    /**
     * The same refusal without a stack trace: for a search that tries many candidates and
     * expects most refusals to be caught (building the trace was a few per cent of a study's time).
     */
    public static SpecException quiet(String path, String expected, String found) {
        return new SpecException(new Violations.Violation(path, expected, found));
    }

    public List<Violations.Violation> violations() {
        return violations;
    }
}
