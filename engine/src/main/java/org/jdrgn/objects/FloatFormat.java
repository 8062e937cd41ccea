package org.jdrgn.objects;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * drgn's printing of floating-point values: integral values as C's {@code %.1f}, others as
 * {@code %.17g}; NaN and infinities as glibc prints them ("nan", "-nan", "inf", "-inf").
 * Digits are exact (from BigDecimal), rounded half-even as glibc does.
 */
final class FloatFormat {
    private FloatFormat() {}

    static String format(double d) {
        if (Double.isNaN(d)) return (Double.doubleToRawLongBits(d) < 0 ? "-" : "") + "nan";
        if (Double.isInfinite(d)) return d < 0 ? "-inf" : "inf";
        if (d == Math.rint(d)) {
            String s = new BigDecimal(d).toPlainString();
            if (d == 0 && Double.doubleToRawLongBits(d) < 0) s = "-0";
            return s + ".0";
        }
        return g17(d);
    }

    /** C's %.17g. */
    private static String g17(double d) {
        BigDecimal r = new BigDecimal(d).round(new MathContext(17, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().abs().toString();
        // exponent of the leading digit
        int exp = digits.length() - 1 - r.scale();
        String sign = r.signum() < 0 ? "-" : "";
        if (digits.length() < 17) digits = digits + "0".repeat(17 - digits.length());
        if (exp < -4 || exp >= 17) {
            String mant = stripZeros(digits.charAt(0) + "." + digits.substring(1));
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String s;
        if (exp >= 0) s = digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
        else s = "0." + "0".repeat(-exp - 1) + digits;
        return sign + stripZeros(s);
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
