package org.jdrgn.linux;

import java.util.OptionalLong;

/** The KASLR slide: how far the running kernel image is from vmlinux's link-time addresses. */
public final class Kaslr {
    private Kaslr() {}

    /**
     * KERNELOFFSET when VMCOREINFO has it; otherwise SYMBOL(_stext) minus vmlinux's _stext;
     * otherwise 0 (a kernel without KASLR).
     */
    public static long offset(VmcoreInfo info, VmlinuxSymbols vmlinux) {
        OptionalLong k = info.kernelOffset();
        if (k.isPresent()) return k.getAsLong();
        OptionalLong run = info.symbol("_stext"), link = vmlinux.address("_stext");
        if (run.isPresent() && link.isPresent()) return run.getAsLong() - link.getAsLong();
        return 0;
    }
}
