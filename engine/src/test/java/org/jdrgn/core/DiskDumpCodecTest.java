package org.jdrgn.core;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every page codec gives the ELF source's bytes: lzo from makedumpfile -l itself (an
 * independent writer), and the kdump diskdump recoded with each codec (snappy and zstd are
 * not built into Debian's makedumpfile).
 */
class DiskDumpCodecTest {
    @Test
    void makedumpfileLzo(@TempDir Path dir) throws Exception {
        KernelCores.assumeDumps();
        Path tool = java.util.stream.Stream.of("/usr/bin/makedumpfile", "/usr/sbin/makedumpfile").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(tool != null, "makedumpfile not installed");
        Path out = dir.resolve("vmcore-kdump.lzo");
        Process p = new ProcessBuilder(tool.toString(), "-l", "-d", "31", KernelCores.dump(KernelDump.KDUMP_ELF).toString(),
                out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "makedumpfile -l did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log")));
        DiskDump dd = (DiskDump) KernelDumpFile.open(out);
        assertEquals(PageCodec.LZO.flag(), dd.header().status() & PageCodec.FLAGS_MASK, "header says lzo");
        assertTrue(DiskDumpTest.comparePages(dd, KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_ELF)), 7) > 1000);
    }

    @ParameterizedTest
    @EnumSource(value = PageCodec.class, names = {"ZLIB", "LZO", "SNAPPY", "ZSTD"})
    void recodedDumpsEqualTheElfSource(PageCodec codec, @TempDir Path dir) throws IOException {
        KernelCores.assumeDumps();
        Path out = dir.resolve("vmcore." + codec.name().toLowerCase());
        DiskDumpRecoder.recode(KernelCores.dump(KernelDump.KDUMP_DISKDUMP), codec, out);
        DiskDump dd = (DiskDump) KernelDumpFile.open(out);
        long compressed = 0;
        for (long pfn = 0; pfn < dd.maxMapnr(); pfn += 7) {
            if (dd.isDumped(pfn) && dd.descriptor(pfn).flags() == codec.flag()) compressed++;
        }
        assertTrue(compressed > 100, codec + ": only " + compressed + " sampled pages compressed");
        assertTrue(DiskDumpTest.comparePages(dd, KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_ELF)), 7) > 1000);
    }
}
