package org.jdrgn.types;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An enumeration constant (drgn's {@code TypeEnumerator}). {@code value} holds the 64-bit
 * pattern; whether it is read as signed or unsigned follows the enum's compatible type
 * ({@link EnumType#isSigned()}), as drgn does.
 */
public record TypeEnumerator(String name, long value) {
    public TypeEnumerator {
        Objects.requireNonNull(name, "name");
    }

    /** The value as a Python-style integer given the enum's signedness. */
    public BigInteger bigValue(boolean signed) {
        return signed || value >= 0 ? BigInteger.valueOf(value)
                : BigInteger.valueOf(value).add(BigInteger.ONE.shiftLeft(64));
    }
}
