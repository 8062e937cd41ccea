package org.jdrgn.objects;

/** C character and string literals as drgn prints them. */
final class CStrings {
    private CStrings() {}

    /** Appends one byte escaped for a literal delimited by {@code quote}. */
    static void appendEscaped(StringBuilder sb, int c, char quote) {
        c &= 0xff;
        switch (c) {
            case 0 -> sb.append("\\0");
            case 7 -> sb.append("\\a");
            case 8 -> sb.append("\\b");
            case 9 -> sb.append("\\t");
            case 10 -> sb.append("\\n");
            case 11 -> sb.append("\\v");
            case 12 -> sb.append("\\f");
            case 13 -> sb.append("\\r");
            case '\\' -> sb.append("\\\\");
            default -> {
                if (c == quote) sb.append('\\').append((char) c);
                else if (c >= 0x20 && c < 0x7f) sb.append((char) c);
                else sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
    }

    static void appendChar(StringBuilder sb, int c) {
        sb.append('\'');
        appendEscaped(sb, c, '\'');
        sb.append('\'');
    }

    /** A string literal of bytes [0, len) of b. */
    static void appendString(StringBuilder sb, byte[] b, int len) {
        sb.append('"');
        for (int i = 0; i < len; i++) appendEscaped(sb, b[i], '"');
        sb.append('"');
    }
}
