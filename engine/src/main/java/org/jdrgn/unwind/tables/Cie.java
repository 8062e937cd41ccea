package org.jdrgn.unwind.tables;

import org.jdrgn.bytes.ByteSlice;

/**
 * A Common Information Entry: what its FDEs share.
 * @param offset          offset of the entry in its section
 * @param version         1, 3 or 4
 * @param augmentation    e.g. "zR", "zPLR", "zRS"; "" in .debug_frame
 * @param addressSize     size of absptr pointers
 * @param codeAlign       factor of advance_loc deltas
 * @param dataAlign       factor of offset operands
 * @param raRegister      the DWARF column holding the return address
 * @param fdeEncoding     DW_EH_PE_* of FDE pc_begin/pc_range ('R'), absptr otherwise
 * @param lsdaEncoding    DW_EH_PE_* of the FDE's LSDA pointer ('L'), OMIT if none
 * @param signalFrame     'S': its FDEs describe signal trampolines, so callers' pcs are exact
 * @param hasAugmentationData 'z': FDEs carry an augmentation-data length
 * @param instructions    the initial instructions
 */
public record Cie(long offset, int version, String augmentation, int addressSize, long codeAlign, long dataAlign,
                  int raRegister, int fdeEncoding, int lsdaEncoding, boolean signalFrame,
                  boolean hasAugmentationData, ByteSlice instructions) {}
