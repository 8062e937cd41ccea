package org.jdrgn.types;

import java.util.HashMap;
import java.util.Map;

/**
 * C base-type specifier lists ("unsigned", "long int", "char signed", "double long") mapped
 * to drgn's primitives. Specifiers may come in any order, as C allows.
 */
public final class PrimitiveNames {
    private PrimitiveNames() {}

    // Counts of each specifier word; index into the array below.
    static final String[] WORDS = {"void", "char", "short", "int", "long", "signed", "unsigned",
            "_Bool", "float", "double", "size_t", "ptrdiff_t"};
    private static final Map<String, Integer> WORD_INDEX = new HashMap<>();
    static {
        for (int i = 0; i < WORDS.length; i++) WORD_INDEX.put(WORDS[i], i);
    }

    /** True if the word can be part of a base-type specifier list. */
    public static boolean isSpecifierWord(String word) { return WORD_INDEX.containsKey(word); }

    /** The primitive a whitespace-separated specifier list names, or null if it names none. */
    public static PrimitiveType parse(String name) {
        int[] counts = new int[WORDS.length];
        int words = 0;
        int i = 0, n = name.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(name.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(name.charAt(i))) i++;
            if (start == i) break;
            Integer idx = WORD_INDEX.get(name.substring(start, i));
            if (idx == null || ++words > 4) return null;
            counts[idx]++;
        }
        return fromCounts(counts);
    }

    /**
     * The primitive for specifier counts indexed like {@link #WORDS}, or null if the
     * combination is not a valid C base type.
     */
    static PrimitiveType fromCounts(int[] c) {
        int vd = c[0], ch = c[1], sh = c[2], in = c[3], lo = c[4], si = c[5], un = c[6];
        int bo = c[7], fl = c[8], db = c[9], sz = c[10], pd = c[11];
        if (in > 1 || sh > 1 || lo > 2 || si > 1 || un > 1 || (si + un) > 1) return null;
        int others = vd + ch + bo + fl + db + sz + pd;
        if (others > 1) return null;
        int total = vd + ch + sh + in + lo + si + un + bo + fl + db + sz + pd;
        if (total == 0) return null;
        if (vd + bo + fl + sz + pd == 1) {
            if (total != 1) return null;
            if (vd == 1) return PrimitiveType.C_VOID;
            if (bo == 1) return PrimitiveType.C_BOOL;
            if (fl == 1) return PrimitiveType.C_FLOAT;
            return sz == 1 ? PrimitiveType.C_SIZE_T : PrimitiveType.C_PTRDIFF_T;
        }
        if (db == 1) {
            if (total == 1) return PrimitiveType.C_DOUBLE;
            return total == 2 && lo == 1 ? PrimitiveType.C_LONG_DOUBLE : null;
        }
        if (ch == 1) {
            if (sh + in + lo != 0) return null;
            return si == 1 ? PrimitiveType.C_SIGNED_CHAR
                    : un == 1 ? PrimitiveType.C_UNSIGNED_CHAR : PrimitiveType.C_CHAR;
        }
        if (sh == 1) {
            if (lo != 0) return null;
            return un == 1 ? PrimitiveType.C_UNSIGNED_SHORT : PrimitiveType.C_SHORT;
        }
        if (lo == 2) return un == 1 ? PrimitiveType.C_UNSIGNED_LONG_LONG : PrimitiveType.C_LONG_LONG;
        if (lo == 1) return un == 1 ? PrimitiveType.C_UNSIGNED_LONG : PrimitiveType.C_LONG;
        return un == 1 ? PrimitiveType.C_UNSIGNED_INT : PrimitiveType.C_INT;
    }

    /**
     * The integer primitive {@code name} spells if its signedness matches (char matches
     * either), else null: drgn's rule for naming int types.
     */
    public static PrimitiveType intPrimitive(String name, boolean isSigned) {
        PrimitiveType p = parse(name);
        if (p == null || p.kind() != TypeKind.INT) return null;
        return p == PrimitiveType.C_CHAR || p.isSigned() == isSigned ? p : null;
    }
}
