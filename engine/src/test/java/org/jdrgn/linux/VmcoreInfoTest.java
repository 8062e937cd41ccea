package org.jdrgn.linux;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.Map;
import org.jdrgn.core.KernelDumpFile;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.OracleFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** VMCOREINFO of every dump file equals what drgn 0.0.22 read from its state's reference dump. */
class VmcoreInfoTest {
    @ParameterizedTest
    @EnumSource(KernelDump.class)
    void everyKeyAsDrgnReadIt(KernelDump d) throws IOException {
        KernelCores.assumeOracle();
        VmcoreInfo info = VmcoreInfo.parse(KernelDumpFile.open(KernelCores.dump(d)).vmcoreinfo().orElseThrow());
        OracleFacts facts = KernelCores.facts(d.reference());
        int n = 0;
        for (Map.Entry<String, String> f : facts.facts().entrySet()) {
            if (!f.getKey().startsWith("vmcoreinfo.") || f.getKey().equals("vmcoreinfo.note")) continue;
            assertEquals(f.getValue(), info.get(f.getKey().substring("vmcoreinfo.".length())).orElse(null), f.getKey());
            n++;
        }
        assertEquals(n, info.entries().size(), "same number of keys");
        assertEquals(KernelCores.release(), info.osRelease());
        assertEquals(4096, info.pageSize());
        // phys_base varies per boot with KASLR (negative in some QEMU boots, e.g. -0xC000000):
        // it must be the signed value of the NUMBER(phys_base) line drgn read.
        assertEquals(Long.parseLong(info.get("NUMBER(phys_base)").orElseThrow()), info.physBase());
        assertEquals(info.symbol("init_top_pgt"), info.symbol("swapper_pg_dir"));
        assertFalse(info.pgtableL5Enabled());
        assertEquals(Long.parseLong(facts.get("vmcoreinfo.NUMBER(phys_base)")), info.physBase());
        assertEquals(Long.parseUnsignedLong(facts.get("vmcoreinfo.KERNELOFFSET"), 16), info.kernelOffset().getAsLong());
        assertEquals(d.state() == KernelDump.State.KDUMP, info.crashTime().isPresent(), "only the kernel writes CRASHTIME");
    }

    @Test
    void parsesLinesAndNumbers() {
        VmcoreInfo i = VmcoreInfo.parse("OSRELEASE=6.1\nSYMBOL(x)=ffffffff81000000\nNUMBER(phys_base)=-4096\n\nbad line\nPAGESIZE=4096\n");
        assertEquals(0xffffffff81000000L, i.symbol("x").getAsLong());
        assertEquals(-4096, i.physBase());
        assertEquals(4, i.entries().size());
        assertThrows(org.jdrgn.error.ValueErrorException.class, i::swapperPgDir);
    }
}
