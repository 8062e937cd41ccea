package org.jdrgn.testcores;

/**
 * One dump file made by testcores/kernel/make-kernel-cores.sh: which guest state it holds and
 * in which format. Every format of one {@link State} comes from the same stopped VM, so they
 * hold the same memory; {@link #reference()} is the one drgn 0.0.22 reads natively.
 */
public enum KernelDump {
    LIVE_ELF_PHYSICAL("vmcore-live.elf", State.LIVE, Format.ELF_PHYSICAL),
    LIVE_ELF_PAGING("vmcore-live.paging.elf", State.LIVE, Format.ELF_PAGING),
    LIVE_FLATTENED("vmcore-live.flat", State.LIVE, Format.FLATTENED),
    LIVE_UNFLATTENED("vmcore-live.unflat.kdump", State.LIVE, Format.DISKDUMP_QEMU),
    LIVE_DISKDUMP("vmcore-live.kdump", State.LIVE, Format.DISKDUMP),
    PANIC_ELF_PHYSICAL("vmcore-panic.elf", State.PANIC, Format.ELF_PHYSICAL),
    PANIC_ELF_PAGING("vmcore-panic.paging.elf", State.PANIC, Format.ELF_PAGING),
    PANIC_FLATTENED("vmcore-panic.flat", State.PANIC, Format.FLATTENED),
    PANIC_UNFLATTENED("vmcore-panic.unflat.kdump", State.PANIC, Format.DISKDUMP_QEMU),
    PANIC_DISKDUMP("vmcore-panic.kdump", State.PANIC, Format.DISKDUMP),
    KDUMP_ELF("vmcore-kdump.elf", State.KDUMP, Format.ELF_KDUMP),
    KDUMP_DISKDUMP("vmcore-kdump.kdump", State.KDUMP, Format.DISKDUMP);

    /** What the guest was doing when the dump was taken. */
    public enum State {
        /** Running normally; VM stopped through QMP, QEMU's dump-guest-memory. */
        LIVE,
        /** sysrq-c on CPU 0, VM paused by pvpanic, QEMU's dump-guest-memory (crashing_cpu stays -1). */
        PANIC,
        /** sysrq-c on CPU 1 with a crash kernel loaded: /proc/vmcore saved by the capture kernel. */
        KDUMP
    }

    public enum Format {
        /** QEMU ELF, paging=false: PT_LOADs with physical addresses only (p_vaddr 0). */
        ELF_PHYSICAL,
        /** QEMU ELF, paging=true: PT_LOADs with the kernel's virtual addresses. */
        ELF_PAGING,
        /** The kernel's /proc/vmcore ELF (PT_LOADs with virtual and physical addresses). */
        ELF_KDUMP,
        /** QEMU's kdump-zlib: makedumpfile's flattened format. */
        FLATTENED,
        /** The flattened file rearranged by makedumpfile -R: diskdump with QEMU's empty utsname. */
        DISKDUMP_QEMU,
        /** makedumpfile -c -d 31 of the state's ELF: diskdump, zlib, pages excluded. */
        DISKDUMP
    }

    private final String fileName;
    private final State state;
    private final Format format;

    KernelDump(String fileName, State state, Format format) {
        this.fileName = fileName;
        this.state = state;
        this.format = format;
    }

    public String fileName() {
        return fileName;
    }

    public State state() {
        return state;
    }

    public Format format() {
        return format;
    }

    /** The dump of the same state that drgn 0.0.22 opens natively (the oracle's reference). */
    public KernelDump reference() {
        return switch (state) {
            case LIVE -> LIVE_ELF_PAGING;
            case PANIC -> PANIC_ELF_PAGING;
            case KDUMP -> KDUMP_ELF;
        };
    }
}
