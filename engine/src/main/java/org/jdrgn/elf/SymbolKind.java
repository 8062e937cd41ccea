package org.jdrgn.elf;

/** drgn's SymbolKind; values equal ELF STT_* (drgn maps them one to one). */
public enum SymbolKind {
    UNKNOWN(0), OBJECT(1), FUNC(2), SECTION(3), FILE(4), COMMON(5), TLS(6), IFUNC(10);

    public final int value;

    SymbolKind(int value) { this.value = value; }

    public static SymbolKind fromElf(int stt) {
        for (SymbolKind k : values()) if (k.value == stt && k != UNKNOWN) return k;
        return UNKNOWN;
    }
}
