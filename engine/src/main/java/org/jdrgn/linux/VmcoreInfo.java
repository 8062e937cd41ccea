package org.jdrgn.linux;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdrgn.error.ValueErrorException;

/**
 * The kernel's VMCOREINFO ("KEY=value" lines) from a dump: SYMBOL(x) and KERNELOFFSET are
 * hex without 0x, NUMBER/SIZE/OFFSET/LENGTH decimal (NUMBER may be negative: phys_base is).
 */
public record VmcoreInfo(Map<String, String> entries) {
    /** The kernel text mapping's base, which KASLR and phys_base are relative to. */
    public static final long START_KERNEL_MAP = 0xffffffff80000000L;

    public VmcoreInfo {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Parses VMCOREINFO text; lines without '=' are ignored, the first of a repeated key wins. */
    public static VmcoreInfo parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) m.putIfAbsent(line.substring(0, eq), line.substring(eq + 1).strip());
        }
        return new VmcoreInfo(m);
    }

    public Optional<String> get(String key) { return Optional.ofNullable(entries.get(key)); }

    public String osRelease() {
        return get("OSRELEASE").filter(s -> !s.isEmpty())
                .orElseThrow(() -> new ValueErrorException("VMCOREINFO does not contain valid OSRELEASE"));
    }

    public long pageSize() {
        OptionalLong p = decimal("PAGESIZE");
        if (p.isEmpty() || p.getAsLong() <= 0 || Long.bitCount(p.getAsLong()) != 1) {
            throw new ValueErrorException("VMCOREINFO does not contain valid PAGESIZE");
        }
        return p.getAsLong();
    }

    /** KERNELOFFSET: the KASLR slide of the kernel image. */
    public OptionalLong kernelOffset() { return hex("KERNELOFFSET"); }

    /** SYMBOL(name): the symbol's run-time address. */
    public OptionalLong symbol(String name) { return hex("SYMBOL(" + name + ")"); }

    public OptionalLong number(String name) { return decimal("NUMBER(" + name + ")"); }

    public OptionalLong size(String type) { return decimal("SIZE(" + type + ")"); }

    public OptionalLong offset(String member) { return decimal("OFFSET(" + member + ")"); }

    public OptionalLong length(String name) { return decimal("LENGTH(" + name + ")"); }

    /** The root page table: SYMBOL(swapper_pg_dir), or x86-64's SYMBOL(init_top_pgt). */
    public long swapperPgDir() {
        OptionalLong s = symbol("swapper_pg_dir");
        if (s.isEmpty()) s = symbol("init_top_pgt");
        if (s.isEmpty()) throw new ValueErrorException("VMCOREINFO does not contain valid swapper_pg_dir");
        return s.getAsLong();
    }

    /** NUMBER(phys_base): physical address of the kernel text minus its link-time one (may be negative). */
    public long physBase() { return number("phys_base").orElse(0); }

    public boolean pgtableL5Enabled() { return number("pgtable_l5_enabled").orElse(0) != 0; }

    public Optional<String> buildId() { return get("BUILD-ID"); }

    /** CRASHTIME: seconds since the epoch, written by the kernel at the crash (absent in QEMU dumps). */
    public OptionalLong crashTime() { return decimal("CRASHTIME"); }

    private OptionalLong hex(String key) {
        String v = entries.get(key);
        if (v == null) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseUnsignedLong(v.startsWith("0x") ? v.substring(2) : v, 16));
        } catch (NumberFormatException e) {
            throw new ValueErrorException("VMCOREINFO " + key + " is not hex: " + v);
        }
    }

    private OptionalLong decimal(String key) {
        String v = entries.get(key);
        if (v == null) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new ValueErrorException("number in VMCOREINFO is invalid: " + key + "=" + v);
        }
    }
}
