package org.jdrgn.types;

/**
 * The parser's view of a program's types (drgn's type finders). Base types are asked for by
 * their canonical spelling ({@code INT "unsigned long"}), so an index should key them by
 * {@link IntType#name()}, which is already normalized.
 */
@FunctionalInterface
public interface TypeFinder {
    /**
     * @param kind     STRUCT, UNION, CLASS or ENUM (by tag), TYPEDEF, INT, BOOL or FLOAT (by name)
     * @param name     the tag or name
     * @param filename the source file the type must come from, or null for any
     * @return the type, or null if this program has none by that name
     */
    Type find(TypeKind kind, String name, String filename);

    /** A finder that knows no types (the parser then falls back to default primitives). */
    TypeFinder NONE = (kind, name, filename) -> null;
}
