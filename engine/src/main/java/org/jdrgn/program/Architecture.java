package org.jdrgn.program;

/** drgn's Architecture; ordinal values are drgn's enum values. */
public enum Architecture {
    UNKNOWN, X86_64, I386, AARCH64, ARM, PPC64, RISCV64, RISCV32, S390X, S390;

    public int value() { return ordinal(); }
}
