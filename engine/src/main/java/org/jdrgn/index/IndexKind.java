package org.jdrgn.index;

import org.jdrgn.dwarf.DwTag;

/** What an index entry names. FUNCTION_STATIC is a static variable declared inside a function. */
public enum IndexKind {
    STRUCT, UNION, CLASS, ENUM, TYPEDEF, BASE_TYPE, VARIABLE, FUNCTION, FUNCTION_STATIC, ENUMERATOR;

    private static final IndexKind[] VALUES = values();

    static IndexKind of(int ordinal) { return VALUES[ordinal]; }

    /** The kind a top-level DIE of this tag is indexed as, or null if it is not indexed. */
    public static IndexKind ofTag(int tag) {
        return switch (tag) {
            case DwTag.structure_type -> STRUCT;
            case DwTag.union_type -> UNION;
            case DwTag.class_type -> CLASS;
            case DwTag.enumeration_type -> ENUM;
            case DwTag.typedef -> TYPEDEF;
            case DwTag.base_type -> BASE_TYPE;
            case DwTag.variable -> VARIABLE;
            case DwTag.subprogram -> FUNCTION;
            default -> null;
        };
    }

    public boolean isType() { return ordinal() <= BASE_TYPE.ordinal(); }
}
