package org.jdrgn.unwind.tables;

import java.util.Optional;

/** Finds the FDE covering a link-time pc in one CFI section. */
sealed interface FdeIndex permits EhFrameHdrIndex, SortedFdeIndex {
    Optional<Fde> find(long pc);
}
