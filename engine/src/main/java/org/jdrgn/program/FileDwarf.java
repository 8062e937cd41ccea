package org.jdrgn.program;

import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.elf.ElfFile;

/**
 * The one {@link Dwarf} of an ELF file (with its dwz supplementary file), kept on the file
 * ({@link ElfFile#derived}): the type index and the unwinder share its unit headers and
 * abbreviation tables, and so do later Programs over the same unchanged file on disk.
 * A relocated kernel module is a heap copy without a path: its Dwarf lives and dies with it.
 */
public final class FileDwarf {
    /** Key on the file: the supplementary file it was read with (null: none found), compared by identity. */
    private record Key(ElfFile sup) {}

    private FileDwarf() {}

    /** The file's DWARF; FormatException if its unit headers are damaged (nothing is kept then). */
    public static Dwarf of(ElfFile elf) {
        // The supplementary file is looked up each time: if it changed on disk, ElfFile.open
        // gives a new object, hence a new key and a Dwarf read with the new one.
        ElfFile sup = DebugInfo.supplementary(elf).orElse(null);
        return elf.derived(new Key(sup), () -> Dwarf.open(DebugInfo.sections(elf, sup)));
    }
}
