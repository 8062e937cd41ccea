package org.jdrgn.types;

/** drgn's {@code Language}: the languages a type may belong to. C is the default. */
public enum Language {
    C("C"),
    CPP("C++");

    private final String displayName;

    Language(String displayName) { this.displayName = displayName; }

    /** drgn's {@code Language.name}: "C" or "C++". */
    public String displayName() { return displayName; }
}
