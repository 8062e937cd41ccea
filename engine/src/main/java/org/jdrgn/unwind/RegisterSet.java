package org.jdrgn.unwind;

import java.util.OptionalLong;

/**
 * Register values of one frame by DWARF number (0..63 cover x86-64's general, flags,
 * segment and base registers); a register is either known or not. Immutable.
 */
public final class RegisterSet {
    public static final int SIZE = 64;
    public static final RegisterSet EMPTY = new RegisterSet(new long[SIZE], 0);

    private final long[] values;
    private final long known;

    private RegisterSet(long[] values, long known) {
        this.values = values;
        this.known = known;
    }

    public boolean has(int dwarfRegister) {
        return dwarfRegister >= 0 && dwarfRegister < SIZE && (known & (1L << dwarfRegister)) != 0;
    }

    public OptionalLong get(int dwarfRegister) {
        return has(dwarfRegister) ? OptionalLong.of(values[dwarfRegister]) : OptionalLong.empty();
    }

    /** The value; UnwindException if it is not known. */
    public long require(int dwarfRegister) {
        if (!has(dwarfRegister)) throw new UnwindException("register " + dwarfRegister + " is not known in this frame");
        return values[dwarfRegister];
    }

    /** A copy with one register set (numbers outside 0..63 are ignored: nothing here tracks them). */
    public RegisterSet with(int dwarfRegister, long value) {
        if (dwarfRegister < 0 || dwarfRegister >= SIZE) return this;
        long[] v = values.clone();
        v[dwarfRegister] = value;
        return new RegisterSet(v, known | (1L << dwarfRegister));
    }

    /** Mutable assembly of a set, for unwinding steps. */
    public static final class Builder {
        private final long[] values = new long[SIZE];
        private long known;

        public Builder set(int dwarfRegister, long value) {
            if (dwarfRegister >= 0 && dwarfRegister < SIZE) {
                values[dwarfRegister] = value;
                known |= 1L << dwarfRegister;
            }
            return this;
        }

        public RegisterSet build() { return new RegisterSet(values.clone(), known); }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegisterSet r) || r.known != known) return false;
        for (int i = 0; i < SIZE; i++) if (has(i) && values[i] != r.values[i]) return false;
        return true;
    }

    @Override
    public int hashCode() {
        long h = known;
        for (int i = 0; i < SIZE; i++) if (has(i)) h = h * 31 + values[i];
        return Long.hashCode(h);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < SIZE; i++) {
            if (has(i)) b.append(b.length() > 1 ? ", " : "").append(i).append('=').append(Long.toHexString(values[i]));
        }
        return b.append('}').toString();
    }
}
