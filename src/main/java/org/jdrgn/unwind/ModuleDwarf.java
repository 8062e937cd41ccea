package org.jdrgn.unwind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.DwarfSections;
import org.jdrgn.dwarf.DwarfTypes;
import org.jdrgn.dwarf.LineProgram;
import org.jdrgn.dwarf.LineRow;
import org.jdrgn.dwarf.Unit;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.Lazy;
import org.jdrgn.program.Module;

/**
 * The DWARF of one module as stack frames need it: the file (debug file, else the loaded file
 * if it has DWARF), the address -> unit map and the line programs, each built on first use.
 * Addresses given here are run-time ones; the module's bias is taken off.
 */
public final class ModuleDwarf {
    private final Module module;
    private final Dwarf dwarf;
    private final Lazy<CuRanges> ranges;
    private final Lazy<DwarfTypes> types;
    private final Map<Unit, Optional<LineProgram>> lines = new ConcurrentHashMap<>();
    private final Map<Unit, List<String>> files = new ConcurrentHashMap<>();
    private final Map<Unit, UnitFunctions> functions = new ConcurrentHashMap<>();

    private ModuleDwarf(Module module, Dwarf dwarf, ByteSlice aranges) {
        this.module = module;
        this.dwarf = dwarf;
        this.ranges = new Lazy<>(() -> CuRanges.of(dwarf, aranges));
        this.types = new Lazy<>(() -> new DwarfTypes(null));
    }

    /** The module's DWARF, or empty if it has none. FormatException if its unit headers are damaged. */
    public static Optional<ModuleDwarf> of(Module module) {
        Optional<ElfFile> file = module.debugFile().or(module::loadedFile).filter(ElfFile::hasDebugInfo);
        if (file.isEmpty()) return Optional.empty();
        ElfFile elf = file.get();
        return Optional.of(new ModuleDwarf(module,
                Dwarf.open(DwarfSections.of(name -> elf.sectionData(name).orElse(null), null)),
                elf.sectionData(".debug_aranges").orElse(null)));
    }

    public Module module() { return module; }

    public Dwarf dwarf() { return dwarf; }

    public long bias() { return module.bias(); }

    /** Types of this file's DIEs (variables' types). */
    public DwarfTypes types() { return types.get(); }

    /** The code scopes at a run-time address, outermost first (see {@link Scopes}); empty if none. */
    public List<Die> scopesAt(long address) {
        long link = address - module.bias();
        for (Unit u : ranges.get().at(link)) {
            Die function = functions.computeIfAbsent(u, UnitFunctions::of).at(link);
            if (function != null) return Scopes.within(function, link);
        }
        return List.of();
    }

    /**
     * The line-table row at a run-time address in any unit covering it: the source of code
     * without a subprogram DIE (assembly such as entry_SYSCALL_64), as drgn prints it.
     */
    public Optional<SourceLocation> sourceAt(long address) {
        for (Unit u : ranges.get().at(address - module.bias())) {
            Optional<SourceLocation> s = source(u, address);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }

    /** The line program of a unit (cached), or empty if it has none. */
    public Optional<LineProgram> lineProgram(Unit unit) {
        return lines.computeIfAbsent(unit, u -> Optional.ofNullable(LineProgram.of(u)));
    }

    /** The line table's position for a run-time address in {@code unit}. */
    public Optional<SourceLocation> source(Unit unit, long address) {
        LineRow r = lineProgram(unit).map(lp -> lp.rowFor(address - module.bias())).orElse(null);
        if (r == null) return Optional.empty();
        String path = file(unit, r.file());
        return path == null ? Optional.empty() : Optional.of(new SourceLocation(path, r.line(), r.column()));
    }

    /** Entry {@code index} of the unit's file table (DW_AT_decl_file / call_file) as drgn prints it, or null. */
    public String file(Unit unit, long index) {
        List<String> names = files.computeIfAbsent(unit, SourceFiles::of);
        return index >= 0 && index < names.size() ? names.get((int) index) : null;
    }
}
