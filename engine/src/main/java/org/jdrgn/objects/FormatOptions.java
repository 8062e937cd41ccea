package org.jdrgn.objects;

/**
 * drgn's {@code format_()} keyword options, as flag bits plus a column limit. {@link #DEFAULT}
 * is what {@code str(obj)} uses. Immutable; the {@code with*} methods return copies.
 *
 * @param columns line width to wrap at; {@link Integer#MAX_VALUE} (drgn's default) means none
 */
public record FormatOptions(int flags, long columns) {
    public static final int DEREFERENCE = 1, SYMBOLIZE = 1 << 1, STRING = 1 << 2, CHAR = 1 << 3,
            TYPE_NAME = 1 << 4, MEMBER_TYPE_NAMES = 1 << 5, ELEMENT_TYPE_NAMES = 1 << 6,
            MEMBERS_SAME_LINE = 1 << 7, ELEMENTS_SAME_LINE = 1 << 8, MEMBER_NAMES = 1 << 9,
            ELEMENT_INDICES = 1 << 10, IMPLICIT_MEMBERS = 1 << 11, IMPLICIT_ELEMENTS = 1 << 12;

    static final int ALL = (1 << 13) - 1;

    /** The defaults of {@code format_()} and {@code str()}. */
    public static final FormatOptions DEFAULT = new FormatOptions(DEREFERENCE | SYMBOLIZE | STRING | TYPE_NAME
            | MEMBER_TYPE_NAMES | ELEMENTS_SAME_LINE | MEMBER_NAMES | IMPLICIT_MEMBERS, Long.MAX_VALUE);

    public FormatOptions {
        if ((flags & ~ALL) != 0) throw new IllegalArgumentException("invalid format flags: " + flags);
        if (columns < 0) throw new IllegalArgumentException("negative columns");
    }

    /** The bit for one of drgn's keyword names ("member_type_names"), or 0 if none. */
    public static int flagFor(String keyword) {
        return switch (keyword) {
            case "dereference" -> DEREFERENCE;
            case "symbolize" -> SYMBOLIZE;
            case "string" -> STRING;
            case "char" -> CHAR;
            case "type_name" -> TYPE_NAME;
            case "member_type_names" -> MEMBER_TYPE_NAMES;
            case "element_type_names" -> ELEMENT_TYPE_NAMES;
            case "members_same_line" -> MEMBERS_SAME_LINE;
            case "elements_same_line" -> ELEMENTS_SAME_LINE;
            case "member_names" -> MEMBER_NAMES;
            case "element_indices" -> ELEMENT_INDICES;
            case "implicit_members" -> IMPLICIT_MEMBERS;
            case "implicit_elements" -> IMPLICIT_ELEMENTS;
            default -> 0;
        };
    }

    public FormatOptions with(int flag, boolean on) {
        return new FormatOptions(on ? flags | flag : flags & ~flag, columns);
    }

    /** drgn's keyword by name, e.g. {@code with("string", false)}; IllegalArgumentException if unknown. */
    public FormatOptions with(String keyword, boolean on) {
        int f = flagFor(keyword);
        if (f == 0) throw new IllegalArgumentException("unknown format option: " + keyword);
        return with(f, on);
    }

    public FormatOptions withColumns(long columns) { return new FormatOptions(flags, columns); }

    public boolean has(int flag) { return (flags & flag) != 0; }
}
