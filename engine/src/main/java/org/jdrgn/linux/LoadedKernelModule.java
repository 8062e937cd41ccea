package org.jdrgn.linux;

import java.util.Map;
import java.util.Optional;
import org.jdrgn.elf.BuildId;

/**
 * A kernel module as the running kernel saw it: its name, its core layout [base, base + size)
 * (code and data that stay after init), where each of its allocated sections was put (from
 * sysfs's sect_attrs; a section loaded nowhere is absent), and the build ID from its notes.
 */
public record LoadedKernelModule(String name, long address, long base, long size,
                                 Map<String, Long> sectionAddresses, Optional<BuildId> buildId) {
    public LoadedKernelModule {
        sectionAddresses = Map.copyOf(sectionAddresses);
    }

    public long end() { return base + size; }
}
