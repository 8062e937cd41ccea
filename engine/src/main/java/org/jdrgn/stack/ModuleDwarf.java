package org.jdrgn.stack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.DwarfTypes;
import org.jdrgn.dwarf.LineProgram;
import org.jdrgn.dwarf.LineRow;
import org.jdrgn.dwarf.Unit;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.Lazy;
import org.jdrgn.program.FileDwarf;
import org.jdrgn.program.Module;

/**
 * The DWARF of one module as stack frames need it: the file (debug file, else the loaded file
 * if it has DWARF), the address -> unit map and the line programs, each built on first use.
 * Addresses given here are run-time ones; the module's bias is taken off.
 */
public final class ModuleDwarf {
    /**
     * What is parsed from the file alone (link-time addresses, no bias): kept on the file
     * ({@link ElfFile#derived}, keyed by its Dwarf) so that later Programs reuse it.
     */
    private record Parsed(Lazy<CuRanges> ranges, Map<Unit, Optional<LineProgram>> lines,
                          Map<Unit, List<String>> files, Map<Unit, UnitFunctions> functions) {
        Parsed(Dwarf dwarf, ByteSlice aranges) {
            this(new Lazy<>(() -> CuRanges.of(dwarf, aranges)), new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private record ParsedKey(Dwarf dwarf) {}

    private final Module module;
    private final Dwarf dwarf;
    private final Lazy<DwarfTypes> types;
    private final Lazy<CuRanges> ranges;
    private final Map<Unit, Optional<LineProgram>> lines;
    private final Map<Unit, List<String>> files;
    private final Map<Unit, UnitFunctions> functions;

    private ModuleDwarf(Module module, Dwarf dwarf, Parsed parsed) {
        this.module = module;
        this.dwarf = dwarf;
        this.types = new Lazy<>(() -> new DwarfTypes(null));
        this.ranges = parsed.ranges();
        this.lines = parsed.lines();
        this.files = parsed.files();
        this.functions = parsed.functions();
    }

    /** The module's DWARF, or empty if it has none. FormatException if its unit headers are damaged. */
    public static Optional<ModuleDwarf> of(Module module) {
        Optional<ElfFile> file = module.debugFile().or(module::loadedFile).filter(ElfFile::hasDebugInfo);
        if (file.isEmpty()) return Optional.empty();
        ElfFile elf = file.get();
        Dwarf dwarf = FileDwarf.of(elf);     // the type index's Dwarf: unit headers and abbreviations parsed once
        Parsed parsed = elf.derived(new ParsedKey(dwarf),
                () -> new Parsed(dwarf, elf.sectionData(".debug_aranges").orElse(null)));
        return Optional.of(new ModuleDwarf(module, dwarf, parsed));
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
