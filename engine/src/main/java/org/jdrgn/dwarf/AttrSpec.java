package org.jdrgn.dwarf;

/** One (attribute, form) pair of an abbreviation; {@code implicitConst} is used by DW_FORM_implicit_const. */
public record AttrSpec(int name, int form, long implicitConst) {}
