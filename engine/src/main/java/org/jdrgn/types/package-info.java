/**
 * drgn's type model, its C printer and the C type-name parser.
 *
 * <h2>Model</h2>
 * {@link org.jdrgn.types.Type} is a sealed interface with one record per drgn
 * {@link org.jdrgn.types.TypeKind}: {@link org.jdrgn.types.VoidType}, {@link org.jdrgn.types.IntType},
 * {@link org.jdrgn.types.BoolType}, {@link org.jdrgn.types.FloatType},
 * {@link org.jdrgn.types.CompoundType} (struct, union and class, told apart by {@code kind}),
 * {@link org.jdrgn.types.EnumType}, {@link org.jdrgn.types.TypedefType},
 * {@link org.jdrgn.types.PointerType}, {@link org.jdrgn.types.ArrayType} and
 * {@link org.jdrgn.types.FunctionType}. Every record carries {@link org.jdrgn.types.Qualifiers}
 * (drgn's flag values) and a {@link org.jdrgn.types.Language}; {@code qualified(q)} and
 * {@code unqualified()} return copies. Incomplete types use null: a declared-only struct has
 * null {@code size} and {@code members}, an incomplete enum null {@code compatibleType} and
 * {@code enumerators}, an incomplete array a null {@code length}.
 *
 * <p>Members ({@link org.jdrgn.types.TypeMember}) and function parameters
 * ({@link org.jdrgn.types.TypeParameter}) hold a {@link org.jdrgn.types.LazyType}: a thunk
 * evaluated once, thread-safely, on first {@code type()}; a DWARF reader can so build a
 * struct that points to itself, or 100k types, without resolving member types up front.
 * Typedef targets, pointees, array elements and return types are eager.
 *
 * <p>Equality is identity, as in drgn 0.0.22 ({@code Type.__eq__} is {@code object.__eq__});
 * {@link org.jdrgn.types.TypeEquivalence} compares structure.
 *
 * <p>Helpers on {@code Type}: {@code isComplete()}, {@code underlying()} (strip typedefs),
 * {@code primitive()}, {@code sizeof()}, {@code alignof()}, {@code member(name)} /
 * {@code hasMember(name)} (searching unnamed members, accumulating the bit offset),
 * {@code offsetof("a.b[3].c")}, {@code typeName()} and {@code definition()}. Errors are
 * drgn's, with drgn's wording: {@link org.jdrgn.error.TypeErrorException},
 * {@link org.jdrgn.error.LookupException}, {@link org.jdrgn.error.ValueErrorException}.
 *
 * <p>{@link org.jdrgn.types.PrimitiveType} lists drgn's C primitives;
 * {@link org.jdrgn.types.PrimitiveNames} normalizes specifier lists ("long unsigned int");
 * int and float records normalize their names at construction as drgn does.
 * {@link org.jdrgn.types.DefaultPrimitives} builds the x86-64 (LP64) definitions used when
 * a program has no debug info for a primitive.
 *
 * <h2>Printing and parsing</h2>
 * {@link org.jdrgn.types.CTypePrinter} gives drgn's {@code str()} and {@code type_name()};
 * {@link org.jdrgn.types.TypeRepr} drgn's {@code repr()}. {@link org.jdrgn.types.TypeNameParser}
 * parses {@code prog.type(name)} strings against a {@link org.jdrgn.types.TypeFinder}.
 */
package org.jdrgn.types;
