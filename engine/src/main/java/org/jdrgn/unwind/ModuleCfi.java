package org.jdrgn.unwind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.Lazy;
import org.jdrgn.error.DrgnException;
import org.jdrgn.program.Module;
import org.jdrgn.unwind.tables.CfiRow;
import org.jdrgn.unwind.tables.CfiSection;

/**
 * All CFI of one module, in the order tried: .eh_frame of the loaded file (present even in
 * stripped libraries, so libc unwinds without its debug info), then .debug_frame of the debug
 * file and of the loaded file, then the debug file's .eh_frame if it kept one.
 */
final class ModuleCfi {
    private final Module module;
    private final Lazy<List<CfiSection>> sections;

    ModuleCfi(Module module, int addressSize) {
        this.module = module;
        this.sections = new Lazy<>(() -> collect(module, addressSize));
    }

    private static List<CfiSection> collect(Module m, int addressSize) {
        List<CfiSection> out = new ArrayList<>();
        Optional<ElfFile> loaded = m.loadedFile(), debug = m.debugFile();
        loaded.flatMap(f -> CfiSection.ehFrame(f, addressSize)).ifPresent(out::add);
        debug.flatMap(f -> CfiSection.debugFrame(f, addressSize)).ifPresent(out::add);
        if (loaded.isPresent() && !loaded.equals(debug)) {
            CfiSection.debugFrame(loaded.get(), addressSize).ifPresent(out::add);
        }
        if (debug.isPresent() && !debug.equals(loaded)) CfiSection.ehFrame(debug.get(), addressSize).ifPresent(out::add);
        return out;
    }

    /**
     * The row for a run-time address. A section that fails is skipped for the next; if none
     * has a row, the first failure is thrown, so a corrupt section is reported, not hidden.
     */
    Optional<CfiRow> row(long address) {
        long pc = address - module.bias();
        DrgnException first = null;
        for (CfiSection s : sections.get()) {
            try {
                Optional<CfiRow> r = s.row(pc);
                if (r.isPresent()) return r;
            } catch (DrgnException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
        return Optional.empty();
    }
}
