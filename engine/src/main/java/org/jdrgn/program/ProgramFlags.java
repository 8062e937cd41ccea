package org.jdrgn.program;

/** drgn's ProgramFlags bit values. */
public final class ProgramFlags {
    public static final int IS_LINUX_KERNEL = 1;
    public static final int IS_LIVE = 2;

    private ProgramFlags() {}
}
