package org.jdrgn.program.kernel;

import org.jdrgn.program.*;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdrgn.core.KernelDumpFile;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.error.MissingDebugInfoException;
import org.jdrgn.linux.VmcoreInfo;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.OracleFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and checking the vmlinux of a dump: -s, default paths, build ID, banner; the errors. */
class KernelVmlinuxTest {
    @TempDir Path tmp;

    private static VmcoreInfo info() throws IOException {
        return VmcoreInfo.parse(KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_DISKDUMP)).vmcoreinfo().orElseThrow());
    }

    private static VmcoreInfo with(VmcoreInfo info, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(info.entries());
        if (value == null) m.remove(key); else m.put(key, value);
        return new VmcoreInfo(m);
    }

    private static DebugInfoOptions symbols(Path... files) { return new DebugInfoOptions(List.of(files), false, false); }

    @Test
    void matchesByBuildIdAndRejectsAnotherBuild() throws IOException {
        KernelCores.assumeDumps();
        VmcoreInfo info = info();
        ElfFile f = KernelVmlinux.find(info, symbols(KernelCores.vmlinux()), tmp, w -> fail(w));
        assertEquals(info.buildId().orElseThrow(), f.buildId().orElseThrow().hex());
        // the same kernel version from another build: one build-id digit differs
        String id = info.buildId().orElseThrow();
        String other = (id.charAt(0) == '0' ? "1" : "0") + id.substring(1);
        var e = assertThrows(MissingDebugInfoException.class,
                () -> KernelVmlinux.find(with(info, "BUILD-ID", other), symbols(KernelCores.vmlinux()), tmp, w -> { }));
        assertTrue(e.getMessage().contains("build ID " + id + ", the dump's kernel has " + other), e.getMessage());
        assertTrue(e.getMessage().endsWith("pass that kernel's vmlinux with -s"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void withoutBuildIdTheBannerMustNameTheRelease() throws IOException {
        KernelCores.assumeOracle();
        OracleFacts facts = KernelCores.facts(KernelDump.KDUMP_ELF);
        VmcoreInfo noId = with(info(), "BUILD-ID", null);
        ElfFile f = KernelVmlinux.find(noId, symbols(KernelCores.vmlinux()), tmp, w -> fail(w));
        String banner = KernelVmlinux.banner(f).orElseThrow();
        // the running kernel's uts version is the tail of the banner (drgn read it from the dump)
        assertTrue(banner.startsWith("Linux version " + facts.get("init_uts_ns.name.release") + " "), banner);
        assertTrue(banner.strip().endsWith(facts.get("init_uts_ns.name.version")), banner);
        var e = assertThrows(MissingDebugInfoException.class, () -> KernelVmlinux.find(
                with(noId, "OSRELEASE", "6.1.0-99-other"), symbols(KernelCores.vmlinux()), tmp, w -> { }));
        assertTrue(e.getMessage().contains("the dump's kernel is 6.1.0-99-other"), e.getMessage());
    }

    @Test
    void defaultPathsAndTheMissingVmlinuxError() throws IOException {
        KernelCores.assumeDumps();
        VmcoreInfo info = info();
        DebugInfoOptions defaults = new DebugInfoOptions(List.of(), true, false);
        var e = assertThrows(MissingDebugInfoException.class, () -> KernelVmlinux.find(info, defaults, tmp, w -> { }));
        assertEquals("could not find vmlinux for Linux " + info.osRelease() + " (build ID " + info.buildId().orElseThrow()
                + "): pass it with -s VMLINUX (looked in " + tmp + "/usr/lib/debug/boot/vmlinux-" + info.osRelease() + ", "
                + tmp + "/usr/lib/debug/lib/modules/" + info.osRelease() + "/vmlinux, " + tmp + "/boot/vmlinux-"
                + info.osRelease() + ", " + tmp + "/lib/modules/" + info.osRelease() + "/build/vmlinux, "
                + tmp + "/lib/modules/" + info.osRelease() + "/vmlinux)", e.getMessage());
        Path link = tmp.resolve("usr/lib/debug/lib/modules/" + info.osRelease() + "/vmlinux");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, KernelCores.vmlinux());
        ElfFile f = KernelVmlinux.find(info, defaults, tmp, w -> fail(w));
        assertEquals(link.toString(), f.path().orElseThrow().toString());
    }

    @Test
    void aTruncatedDumpOpensWithAWarningAndFailsPastTheCut() throws IOException {
        KernelCores.assumeOracle();
        OracleFacts facts = KernelCores.facts(KernelDump.KDUMP_ELF);
        Path full = KernelCores.dump(KernelDump.KDUMP_DISKDUMP);
        long size = Files.size(full);
        Path cut = tmp.resolve("cut.kdump");
        try (var in = Files.newInputStream(full); var out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) (size * 3 / 4)));
        }
        List<String> warnings = new ArrayList<>();
        Program prog = new Program(null);
        KernelLoader.open(prog, cut, symbols(KernelCores.vmlinux()), warnings::add);
        assertEquals(List.of(cut + " is truncated: " + size * 3 / 4 + " of " + size
                + " bytes; memory past the cut cannot be read (copy the dump again if you can)"), warnings);
        // the last dumped page of physical memory is past the cut
        long last = lastPage(facts);
        var e = assertThrows(org.jdrgn.error.DrgnException.class, () -> prog.read(last, 8, true));
        assertTrue(e.getMessage().contains("past the end of the file"), e.getMessage());
        // what is before the cut still reads: the first dumped page, as in the full dump
        var dd = (org.jdrgn.core.DiskDump) KernelDumpFile.open(cut);
        long pfn = 0;
        while (!dd.isDumped(pfn)) pfn++;
        long first = pfn * dd.pageSize();
        assertArrayEquals(fullDump().read(first, 64, true), prog.read(first, 64, true));
    }

    private static Program fullDump() {
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(KernelDump.KDUMP_DISKDUMP), symbols(KernelCores.vmlinux()), w -> { });
        return prog;
    }

    /** A physical page the full dump holds near the top of memory: the physical address of cpu 1's runqueues. */
    private static long lastPage(OracleFacts facts) throws IOException {
        Program prog = fullDump();
        var km = ((KernelTarget) prog.target()).memory();
        long phys = km.translate(facts.hex("cpu.1.runqueues"));
        prog.read(phys, 8, true); // present in the full dump
        return phys;
    }
}
