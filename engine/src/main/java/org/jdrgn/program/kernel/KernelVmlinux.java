package org.jdrgn.program.kernel;

import org.jdrgn.program.DebugInfoOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfSymbolTable;
import org.jdrgn.elf.SectionHeader;
import org.jdrgn.error.DrgnException;
import org.jdrgn.error.MissingDebugInfoException;
import org.jdrgn.linux.VmcoreInfo;

/**
 * Finds the vmlinux of a dump's kernel: among the -s files, then (unless default symbols are
 * off) at the distributions' standard paths for its release. A file matches by build ID when
 * VMCOREINFO has BUILD-ID, else when its own linux_banner names the dump's OSRELEASE.
 */
final class KernelVmlinux {
    static final List<String> DEFAULT_PATHS = List.of(
            "/usr/lib/debug/boot/vmlinux-%s", "/usr/lib/debug/lib/modules/%s/vmlinux", "/boot/vmlinux-%s",
            "/lib/modules/%s/build/vmlinux", "/lib/modules/%s/vmlinux");

    private KernelVmlinux() {}

    /** The matching vmlinux, or a one-line error that says what to pass. */
    static ElfFile find(VmcoreInfo info, DebugInfoOptions options, Path root, Consumer<String> warn) {
        String release = info.osRelease();
        List<String> rejected = new ArrayList<>();
        for (Path p : options.symbolFiles()) {
            ElfFile f = open(p).orElseThrow(() -> new DrgnException("[Errno 2] No such file or directory: '" + p + "'"));
            if (f.type() != ElfConstants.ET_EXEC) continue; // kernel modules and others: not vmlinux
            String why = mismatch(f, info);
            if (why == null) return f;
            rejected.add(p + " (" + why + ")");
        }
        List<String> tried = new ArrayList<>();
        if (options.defaultSymbols()) {
            for (String pattern : DEFAULT_PATHS) {
                Path p = root.resolve(String.format(pattern, release).substring(1));
                tried.add(p.toString());
                Optional<ElfFile> f = open(p);
                if (f.isEmpty()) continue;
                String why = mismatch(f.get(), info);
                if (why == null) {
                    rejected.forEach(r -> warn.accept("ignoring " + r));
                    return f.get();
                }
                rejected.add(p + " (" + why + ")");
            }
        }
        String kernel = "Linux " + release + info.buildId().map(b -> " (build ID " + b + ")").orElse("");
        if (!rejected.isEmpty()) {
            throw new MissingDebugInfoException("vmlinux does not match the dump's kernel " + kernel + ": "
                    + String.join("; ", rejected) + "; pass that kernel's vmlinux with -s");
        }
        throw new MissingDebugInfoException("could not find vmlinux for " + kernel + ": pass it with -s VMLINUX"
                + (tried.isEmpty() ? "" : " (looked in " + String.join(", ", tried) + ")"));
    }

    /** Null if the file is the dump's kernel, else why not. */
    static String mismatch(ElfFile f, VmcoreInfo info) {
        if (f.machine() != ElfConstants.EM_X86_64) return "ELF machine " + f.machine() + ", not x86-64";
        if (info.buildId().isPresent()) {
            String want = info.buildId().get();
            String have = f.buildId().map(b -> b.hex()).orElse(null);
            if (have == null) return "it has no build ID; the dump's kernel has " + want;
            return have.equalsIgnoreCase(want) ? null : "build ID " + have + ", the dump's kernel has " + want;
        }
        String banner = banner(f).orElse(null);
        if (banner == null) return "it has no linux_banner";
        return banner.startsWith("Linux version " + info.osRelease() + " ") ? null
                : "its banner says \"" + banner.strip() + "\", the dump's kernel is " + info.osRelease();
    }

    /** The string linux_banner holds in the file ("Linux version 6.1.0-... (...) #1 SMP ..."). */
    static Optional<String> banner(ElfFile f) {
        var sym = ElfSymbolTable.lookup(f, "linux_banner");
        if (sym.isEmpty()) return Optional.empty();
        long a = sym.get().address();
        for (SectionHeader s : f.sections()) {
            if (!s.hasData() || !s.isAlloc() || Long.compareUnsigned(a - s.addr(), s.size()) >= 0) continue;
            ByteSlice data = f.sectionData(s);
            long off = a - s.addr();
            int n = (int) Math.min(512, data.size() - off);
            byte[] b = data.bytes(off, n);
            int len = 0;
            while (len < n && b[len] != 0) len++;
            return Optional.of(new String(b, 0, len, StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    private static Optional<ElfFile> open(Path p) {
        if (!Files.isRegularFile(p)) return Optional.empty();
        try {
            return Optional.of(ElfFile.open(p));
        } catch (IOException e) {
            throw new DrgnException(p + ": " + e.getMessage(), e);
        }
    }
}
