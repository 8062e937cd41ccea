package org.jdrgn.elf;

/** drgn's SymbolBinding; values are drgn's (ELF STB_* + 1, UNKNOWN = 0). */
public enum SymbolBinding {
    UNKNOWN(0), LOCAL(1), GLOBAL(2), WEAK(3), UNIQUE(11);

    public final int value;

    SymbolBinding(int value) { this.value = value; }

    public static SymbolBinding fromElf(int stb) {
        return switch (stb) {
            case 0 -> LOCAL;
            case 1 -> GLOBAL;
            case 2 -> WEAK;
            case 10 -> UNIQUE;
            default -> UNKNOWN;
        };
    }
}
