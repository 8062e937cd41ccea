package org.jdrgn.elf;

/** drgn's Symbol: an ELF symbol relocated to its loaded address. */
public record Symbol(String name, long address, long size, SymbolBinding binding, SymbolKind kind) {
    /** True if {@code addr} is in [address, address+size) (unsigned). */
    public boolean contains(long addr) {
        return Long.compareUnsigned(addr, address) >= 0 && Long.compareUnsigned(addr - address, size) < 0;
    }
}
