package org.pactsim.study.sweep;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pactsim.spec.Violations;

/**
 * One axis of a sweep: the keys it sets (one for a plain axis such as {@code array.rows}, several
 * for a linked axis that moves them together, e.g. PE bits with the network's precision) and
 * its values, each a text per key as the user wrote it (canonical: integers without signs or
 * underscores).
 *
 * @param name   the axis name (its key for a plain axis)
 * @param keys   dotted config keys, or {@code network.precision}
 * @param values {@code values.get(v).get(k)} is the text of key {@code k} in value {@code v}
 */
public record Axis(String name, List<String> keys, List<List<String>> values) {
    public Axis {
        keys = List.copyOf(keys);
        values = values.stream().map(List::copyOf).toList();
        Violations v = new Violations()
                .check(name != null && !name.isBlank(), "name", "a name", String.valueOf(name))
                .check(!keys.isEmpty(), "keys", "at least one key", "none")
                .check(!values.isEmpty(), name + ".values", "at least one value", "none");
        for (List<String> val : values) {
            v.check(val.size() == keys.size(), name + ".values", keys.size() + " texts per value", val.toString());
        }
        Set<String> seen = new HashSet<>();
        for (List<String> val : values) {
            v.check(seen.add(String.join("\u0000", val)), name + ".values", "distinct values", "twice " + val);
        }
        v.throwIfAny();
    }

    /** A plain axis over one key. */
    public static Axis of(String key, List<String> texts) {
        return new Axis(key, List.of(key), texts.stream().map(List::of).toList());
    }

    public int size() {
        return values.size();
    }
}
