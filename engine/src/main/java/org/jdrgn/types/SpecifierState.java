package org.jdrgn.types;

/**
 * The base-type keywords seen so far in a specifier list ("long unsigned int"), checked as C
 * allows them to combine. Errors and the state's spelling in them are drgn's:
 * "cannot combine 'short' with 'unsigned long'".
 */
final class SpecifierState {
    private String sign;  // "signed" / "unsigned" / null
    private int longs;    // 0, 1 ("long") or 2 ("long long")
    private boolean isShort;
    private String base;  // "char", "int", "double", "float", "void", "_Bool" or null

    boolean isEmpty() { return sign == null && longs == 0 && !isShort && base == null; }

    /** Adds a base-type keyword, or throws drgn's SyntaxError at {@code position}. */
    void add(String word, int position) {
        boolean ok = switch (word) {
            case "signed", "unsigned" -> sign == null && (base == null || base.equals("char") || base.equals("int"));
            case "short" -> !isShort && longs == 0 && (base == null || base.equals("int"));
            case "long" -> !isShort && (base == null || base.equals("int") ? longs < 2
                    : base.equals("double") && longs == 0 && sign == null);
            case "char" -> base == null && !isShort && longs == 0;
            case "int" -> base == null;
            case "double" -> base == null && sign == null && !isShort && longs <= 1;
            default -> base == null && isEmpty(); // float, void, _Bool stand alone
        };
        if (!ok) throw new CSyntaxException("cannot combine '" + word + "' with '" + spelling() + "'", position);
        switch (word) {
            case "signed", "unsigned" -> sign = word;
            case "short" -> isShort = true;
            case "long" -> longs++;
            default -> base = word;
        }
    }

    /** drgn's spelling of the state: sign, size, then base ("unsigned long long int"). */
    String spelling() {
        StringBuilder sb = new StringBuilder();
        if (sign != null) sb.append(sign).append(' ');
        if (isShort) sb.append("short ");
        if (longs == 1) sb.append("long ");
        if (longs == 2) sb.append("long long ");
        if (base != null) sb.append(base).append(' ');
        return sb.substring(0, Math.max(0, sb.length() - 1));
    }

    /** The primitive the (non-empty, valid) state names. */
    PrimitiveType primitive() {
        boolean unsigned = "unsigned".equals(sign);
        if (base != null) {
            switch (base) {
                case "void": return PrimitiveType.C_VOID;
                case "_Bool": return PrimitiveType.C_BOOL;
                case "float": return PrimitiveType.C_FLOAT;
                case "double": return longs == 1 ? PrimitiveType.C_LONG_DOUBLE : PrimitiveType.C_DOUBLE;
                case "char":
                    return sign == null ? PrimitiveType.C_CHAR
                            : unsigned ? PrimitiveType.C_UNSIGNED_CHAR : PrimitiveType.C_SIGNED_CHAR;
                default: break; // int: by size below
            }
        }
        if (isShort) return unsigned ? PrimitiveType.C_UNSIGNED_SHORT : PrimitiveType.C_SHORT;
        if (longs == 2) return unsigned ? PrimitiveType.C_UNSIGNED_LONG_LONG : PrimitiveType.C_LONG_LONG;
        if (longs == 1) return unsigned ? PrimitiveType.C_UNSIGNED_LONG : PrimitiveType.C_LONG;
        return unsigned ? PrimitiveType.C_UNSIGNED_INT : PrimitiveType.C_INT;
    }
}
