package org.jdrgn.unwind;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ProgramHeader;
import org.jdrgn.elf.SectionHeader;
import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Module;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken stacks and broken CFI end the trace with a marker: no exception, no hang. */
class CorruptInputTest {
    @TempDir Path tmp;

    /** Overwrites [address, address+len) of the memory a core saved with {@code junk}. */
    private static Path patchCoreMemory(Path core, Path out, long address, int len, byte junk) throws IOException {
        Files.copy(core, out);
        ElfFile elf = ElfFile.open(core);
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.type() != ElfConstants.PT_LOAD || address - p.vaddr() < 0 || address - p.vaddr() >= p.filesz()) continue;
            int n = (int) Math.min(len, p.filesz() - (address - p.vaddr()));
            byte[] b = new byte[n];
            Arrays.fill(b, junk);
            try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(b), p.offset() + (address - p.vaddr()));
            }
            return out;
        }
        throw new AssertionError("0x" + Long.toHexString(address) + " is not saved in " + core);
    }

    @Test
    void smashedStackEndsWithMarker() throws IOException {
        for (String core : List.of("threads_O0-dw5-pie.segv", "threads_O2-dw5-pie.segv")) {
            LoadedCore good = LoadedCore.open(core);
            ProgramThread crashed = good.program().crashedThread();
            long rsp = crashed.registers().get("rsp");
            Path bad = patchCoreMemory(TestCores.core(core), tmp.resolve(core + ".smashed"), rsp, 2048, (byte) 0x41);
            LoadedCore smashed = LoadedCore.open(core, bad, org.jdrgn.program.DebugInfoOptions.DEFAULT);
            StackTrace before = good.unwinder().unwind(crashed);
            StackTrace after = smashed.unwinder().unwind(smashed.program().thread(crashed.tid()));
            assertFalse(after.stopReason().isNormal(), core + ": " + after);
            assertEquals(before.frames().getFirst().pc(), after.frames().getFirst().pc());
            assertTrue(after.frames().size() < FrameWalk.MAX_FRAMES, after.toString());
            assertTrue(after.frames().stream().anyMatch(f -> f.pc() == 0x4141414141414141L)
                    || after.stopReason() instanceof StopReason.NoUnwindInfo, after.toString());
            for (ProgramThread t : good.program().threads()) {   // the other stacks are untouched
                if (t.tid() == crashed.tid()) continue;
                assertEquals(good.unwinder().unwind(t).pcs(), smashed.unwinder().unwind(smashed.program().thread(t.tid())).pcs());
            }
        }
    }

    @Test
    void unmappedStackPointerFaults() {
        LoadedCore c = LoadedCore.open("threads_O2-dw5-pie.gcore");
        for (ProgramThread t : c.program().threads()) {
            Map<String, Long> regs = new HashMap<>(t.registers());
            long sp = 0x1000;  // nothing is mapped at the first pages
            regs.put("rsp", sp);
            regs.put("rbp", sp + 0x40);
            StackTrace st = c.unwinder().unwind(regs);
            assertEquals(1, st.frames().size(), st.toString());
            StopReason.Fault f = assertInstanceOf(StopReason.Fault.class, st.stopReason(), st.toString());
            assertTrue(f.address() >= sp && f.address() < sp + 0x1000, f.toString());
            assertTrue(f.describe().contains("0x" + Long.toHexString(f.address())), f.describe());
        }
    }

    /** .eh_frame of the executable overwritten with 0xff, loaded with -s: its frames fall back or stop, with the section named. */
    @Test
    void corruptEhFrameFromSymbolFile() throws IOException {
        for (String core : List.of("threads_O2-dw4-nopie.gcore", "threads_O0-dw4-nopie.gcore")) {
            Path exe = TestCores.binaryFor(core);
            Path copy = tmp.resolve(core + ".threads");
            Files.copy(exe, copy);
            SectionHeader eh = ElfFile.open(exe).section(".eh_frame").orElseThrow();
            byte[] junk = new byte[(int) eh.size()];
            Arrays.fill(junk, (byte) 0xff);
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(junk), eh.offset());
            }
            LoadedCore good = LoadedCore.open(core);
            LoadedCore bad = LoadedCore.withOnly(core, TestCores.core(core), List.of(copy, LoadedCore.LIBC));
            Module main = bad.program().target().loadedModules().orElseThrow().main().orElseThrow();
            for (ProgramThread t : good.program().threads()) {
                StackTrace ref = good.unwinder().unwind(t);
                StackTrace st = bad.unwinder().unwind(bad.program().thread(t.tid()));
                String what = core + " thread " + t.tid() + ": " + st + "\nreference " + ref;
                int firstInMain = 0;
                while (firstInMain < ref.frames().size() && !main.contains(ref.frames().get(firstInMain).pc())) firstInMain++;
                // Up to and including the first frame in the executable nothing changes.
                assertEquals(ref.pcs().subList(0, firstInMain + 1), st.pcs().subList(0, firstInMain + 1), what);
                PhysicalFrame f = st.frames().get(firstInMain);
                if (st.frames().size() > firstInMain + 1) {
                    assertEquals(UnwindMethod.FRAME_POINTER, st.frames().get(firstInMain + 1).method(), what);
                } else {
                    StopReason.BadUnwindInfo r = assertInstanceOf(StopReason.BadUnwindInfo.class, st.stopReason(), what);
                    assertEquals(f.pc(), r.pc());
                    assertTrue(r.message().contains(".eh_frame"), r.message());
                }
            }
        }
    }

    /** Random byte flips in libc's .eh_frame and .eh_frame_hdr: every walk ends, and nothing escapes. */
    @Test
    void randomlyCorruptedLibcCfi() throws IOException {
        LoadedCore c = LoadedCore.open("threads_O2-dw5-pie.gcore");
        LoadedModules mods = c.program().target().loadedModules().orElseThrow();
        Module libc = mods.modules().stream().filter(m -> m.name().endsWith("libc.so.6")).findFirst().orElseThrow();
        byte[] original = Files.readAllBytes(LoadedCore.LIBC);
        ElfFile elf = ElfFile.open(LoadedCore.LIBC);
        SectionHeader eh = elf.section(".eh_frame").orElseThrow(), hdr = elf.section(".eh_frame_hdr").orElseThrow();
        Random rnd = new Random(20240611);
        int abnormal = 0;
        for (int round = 0; round < 60; round++) {
            byte[] b = original.clone();
            for (int i = 0; i < 400; i++) {
                SectionHeader s = rnd.nextInt(4) == 0 ? hdr : eh;
                b[(int) (s.offset() + rnd.nextLong(s.size()))] = (byte) rnd.nextInt(256);
            }
            ElfFile patched = ElfFile.of(ByteSlice.of(b, "libc.so.6 (patched)"), "libc.so.6 (patched)");
            List<Module> list = new ArrayList<>();
            for (Module m : mods.modules()) {
                list.add(m != libc ? m : new Module(m.name(), m.kind(), m.start(), m.end(), m.bias(), m.buildId(),
                        Optional.of(patched), Optional.empty()));
            }
            Unwinder u = new Unwinder(UnwindArch.X86_64, c.program().memory(), Optional.of(new LoadedModules(list)));
            for (ProgramThread t : c.program().threads()) {
                StackTrace st = u.unwind(t);
                assertTrue(st.frames().size() >= 1 && st.frames().size() <= FrameWalk.MAX_FRAMES);
                assertNotNull(st.stopReason().describe());
                if (!st.stopReason().isNormal()) abnormal++;
            }
        }
        assertTrue(abnormal > 0, "the corruption never mattered");
    }
}
