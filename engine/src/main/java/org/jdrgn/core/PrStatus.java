package org.jdrgn.core;

import java.util.Map;
import org.jdrgn.bytes.ByteSlice;

/**
 * NT_PRSTATUS of one thread: its TID (pr_pid), the signal it was stopped by (pr_cursig) and
 * the raw pr_reg bytes, decoded by the core's {@link RegisterLayout}.
 */
public record PrStatus(int tid, int signal, int ppid, int pgrp, int sid, ByteSlice regs, RegisterLayout layout) {
    /** Register values by drgn name, in drgn's order. */
    public Map<String, Long> registers() { return layout.values(regs); }

    public long register(String name) { return layout.value(regs, name); }

    public long pc() { return register(layout.pcName()); }

    public long sp() { return register(layout.spName()); }
}
