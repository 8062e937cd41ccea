package org.jdrgn.linux;

import java.util.OptionalLong;
import org.jdrgn.elf.ElfSymbolTable;

/** Link-time (unrelocated) addresses of vmlinux symbols, for what VMCOREINFO does not say. */
@FunctionalInterface
public interface VmlinuxSymbols {
    VmlinuxSymbols NONE = name -> OptionalLong.empty();

    OptionalLong address(String name);

    /** Symbols of a vmlinux symbol table loaded with bias 0. */
    static VmlinuxSymbols of(ElfSymbolTable table) {
        return name -> table.lookup(name).map(s -> OptionalLong.of(s.address())).orElse(OptionalLong.empty());
    }
}
