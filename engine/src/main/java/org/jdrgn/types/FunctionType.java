package org.jdrgn.types;

import java.util.List;
import java.util.Objects;

/** A function type: return type, parameters and whether it takes {@code ...}. */
public record FunctionType(Type returnType, List<TypeParameter> parameters, boolean isVariadic,
                           List<TypeTemplateParameter> templateParameters,
                           Qualifiers qualifiers, Language language) implements Type {
    public FunctionType {
        Objects.requireNonNull(returnType, "returnType");
        parameters = List.copyOf(parameters);
        templateParameters = templateParameters == null ? List.of() : List.copyOf(templateParameters);
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(language, "language");
    }

    public FunctionType(Type returnType, List<TypeParameter> parameters, boolean isVariadic) {
        this(returnType, parameters, isVariadic, List.of(), Qualifiers.NONE, Language.C);
    }

    @Override public TypeKind kind() { return TypeKind.FUNCTION; }

    @Override
    public FunctionType qualified(Qualifiers q) {
        return q.equals(qualifiers) ? this
                : new FunctionType(returnType, parameters, isVariadic, templateParameters, q, language);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
