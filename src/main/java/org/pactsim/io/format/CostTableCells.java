package org.pactsim.io.format;

import org.pactsim.io.InputException;
import org.pactsim.io.PlainNumber;

import java.util.List;
import java.util.function.Supplier;
import org.pactsim.cost.Basis;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SpecException;

/**
 * The cells of one cost-table row ({@link CostTableReader}), read by column name with typed
 * checks; every error names the row's {@code FILE:LINE} and the column.
 */
record CostTableCells(List<String> header, List<String> values, String where) {
    String text(String col) {
        return values.get(header.indexOf(col));
    }

    <T> T build(String firstCol, Supplier<T> f) {
        try {
            return f.get();
        } catch (SpecException e) {
            var v = e.violations().get(0);
            String col = header.contains(v.path()) ? v.path() : firstCol;
            throw InputException.at(where, "column " + col, v.expected(), v.found());
        }
    }

    String choice(String col, List<String> choices) {
        String s = text(col);
        if (!choices.contains(s)) {
            throw InputException.at(where, "column " + col, "one of " + String.join(", ", choices),
                    InputException.quote(s));
        }
        return s;
    }

    Basis basis() {
        Basis b = Basis.parse(text("basis"));
        if (b == null) {
            throw InputException.at(where, "column basis",
                    "published, measured, fitted, derived, interpolated or assumed", InputException.quote(text("basis")));
        }
        return b;
    }

    PrecisionMode mode() {
        PrecisionMode m = PrecisionMode.parse(text("mode"));
        if (m == null) {
            throw InputException.at(where, "column mode", "fixed, bit-serial or fusion", InputException.quote(text("mode")));
        }
        return m;
    }

    Precision precision() {
        Precision p = Precision.tryParse(text("precision"));
        if (p == null) {
            throw InputException.at(where, "column precision", Precision.EXPECTED, InputException.quote(text("precision")));
        }
        return p;
    }

    int node() {
        return (int) integer("nodeNm", 1, 1000);
    }

    long integer(String col, long min, long max) {
        String s = text(col);
        PlainNumber.checkText(s, where, "column " + col, "an integer from " + min + " to " + max);
        long x;
        try {
            x = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw InputException.at(where, "column " + col, "an integer from " + min + " to " + max,
                    InputException.quote(s));
        }
        if (x < min || x > max) {
            throw InputException.at(where, "column " + col, "an integer from " + min + " to " + max, s);
        }
        return x;
    }

    double finite(String col) {
        String s = text(col);
        double x;
        try {
            x = s.matches("[+-]?[0-9.]+([eE][+-]?[0-9]+)?") ? Double.parseDouble(s) : Double.NaN;
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!Double.isFinite(x)) {
            throw InputException.at(where, "column " + col, "a number", InputException.quote(s));
        }
        return x;
    }

    double positive(String col) {
        double x = finite(col);
        if (!(x > 0)) {
            throw InputException.at(where, "column " + col, "a number > 0", text(col));
        }
        return x;
    }

    double nonNegative(String col) {
        double x = finite(col);
        if (x < 0) {
            throw InputException.at(where, "column " + col, "a number >= 0", text(col));
        }
        return x;
    }
}
