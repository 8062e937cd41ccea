package org.jdrgn.unwind;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Module;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.unwind.tables.CfiRow;
import org.jdrgn.unwind.tables.CfiSection;
import org.jdrgn.unwind.tables.OrcEntry;
import org.jdrgn.unwind.tables.OrcTable;
import org.jdrgn.unwind.tables.OrcTableTest;
import org.junit.jupiter.api.Test;

/**
 * The ORC tables of the kernel modules loaded in the real kdump, read from their debug .ko
 * placed at the addresses the kernel gave them: in link order in the file, found by pc after
 * sorting, and agreeing with the modules' own .debug_frame CFI at every pc both describe.
 */
class OrcModulesTest {
    @Test
    void loadedModulesOrcAgreesWithTheirCfi() {
        KernelCores.assumeOracle();
        List<java.nio.file.Path> files = new ArrayList<>(List.of(KernelCores.vmlinux()));
        files.addAll(KernelCores.debugModules());
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(KernelDump.KDUMP_ELF), new DebugInfoOptions(files, false, false), w -> { });
        List<Module> modules = prog.target().loadedModules().orElseThrow().lateModules().orElseThrow();
        Unwinder unwinder = Unwinder.forProgram(prog);
        int compared = 0, tables = 0, unsorted = 0;
        for (Module m : modules) {
            ElfFile ko = m.debugFile().orElseThrow(() -> new AssertionError(m.name() + " has no debug file"));
            OrcTable orc = OrcTable.of(ko).orElseThrow(() -> new AssertionError(m.name() + " has no ORC"));
            CfiSection cfi = CfiSection.debugFrame(ko, 8).orElseThrow();
            tables++;
            for (int i = 1; i < orc.size(); i++) {
                if (Long.compareUnsigned(orc.ip(i), orc.ip(i - 1)) < 0) { unsorted++; break; }
            }
            for (int i = 0; i < orc.size(); i++) {
                long pc = orc.ip(i);
                if (!m.contains(pc)) continue;            // .init.text is freed after loading: not placed
                OrcEntry e = orc.entry(i);
                // by pc through the unwinder: the last entry at that pc is this one unless several start there
                Optional<OrcEntry> found = unwinder.orcEntry(m, pc);
                assertTrue(found.isPresent(), m.name() + " 0x" + Long.toHexString(pc));
                Optional<CfiRow> row = cfi.row(pc);
                if (row.isEmpty() || e.spReg() == OrcEntry.Register.UNDEFINED) continue;
                assertNull(OrcTableTest.mismatch(found.get(), row.get()), m.name() + " 0x" + Long.toHexString(pc) + " " + e);
                compared++;
            }
        }
        System.out.printf("[orc] %d kernel modules (%d with entries out of pc order in the file): "
                + "%d pcs where ORC and .debug_frame agree%n", tables, unsorted, compared);
        assertTrue(tables >= 3 && compared >= 20, tables + " tables, " + compared + " compared");
        assertTrue(unsorted >= 1, "no module table needed sorting: the sorted path is not exercised");
    }
}
