package org.jdrgn.stack;

import java.util.List;
import org.jdrgn.dwarf.Die;

/**
 * The DWARF of one logical frame: its function (a DW_TAG_subprogram, or the
 * DW_TAG_inlined_subroutine of an inline frame) and the lexical blocks inside it that contain
 * the pc, outermost first.
 */
public record FrameScope(ModuleDwarf dwarf, Die function, List<Die> blocks) {
    public FrameScope {
        blocks = List.copyOf(blocks);
    }

    /** The function's DWARF name (from its abstract origin for inline and out-of-line instances), or null. */
    public String name() { return DieNames.name(function); }

    /** The function and its blocks, outermost first: where the frame's variables are declared. */
    public List<Die> all() {
        var out = new java.util.ArrayList<Die>(blocks.size() + 1);
        out.add(function);
        out.addAll(blocks);
        return out;
    }
}
