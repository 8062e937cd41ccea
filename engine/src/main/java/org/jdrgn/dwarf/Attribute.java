package org.jdrgn.dwarf;

/** A decoded attribute of a DIE: DW_AT_* name, DW_FORM_* form (after DW_FORM_indirect) and value. */
public record Attribute(int name, int form, AttrValue value) {
    @Override public String toString() { return DwNames.at(name) + " " + DwNames.form(form) + " " + value; }
}
