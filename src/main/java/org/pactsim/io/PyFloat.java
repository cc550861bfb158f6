package org.pactsim.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double exactly as Python 3's {@code repr} does (the shortest decimal that reads
 * back to the same double; scientific notation below 1e-4 and from 1e16), so SCALE-Sim's
 * report files can be reproduced character for character.
 */
public final class PyFloat {
    private PyFloat() {
    }

    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal b = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (b.doubleValue() == v) {
                shortest = b;
                break;
            }
        }
        if (shortest == null) {
            shortest = new BigDecimal(v).round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        BigDecimal s = shortest.stripTrailingZeros();
        String digits = s.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - s.scale();
        String sign = v < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
            return sign + mant + "e" + e;
        }
        String plain = s.abs().toPlainString();
        if (!plain.contains(".")) {
            plain = plain + ".0";
        }
        return sign + plain;
    }
}
