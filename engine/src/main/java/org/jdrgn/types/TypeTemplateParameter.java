package org.jdrgn.types;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A C++ template parameter (drgn's {@code TypeTemplateParameter}). The argument is a
 * {@link Type} for a type parameter, or a value object (from the objects layer, which this
 * package does not know) for a non-type parameter; it is evaluated lazily by the supplier.
 */
public record TypeTemplateParameter(Supplier<?> argument, String name, boolean isDefault) {
    public TypeTemplateParameter {
        Objects.requireNonNull(argument, "argument");
    }
}
