package org.jdrgn.testcores;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed cores and binaries decompress to what MANIFEST.tsv says (sha256 computed here,
 * the manifest's by sha256sum), are the ELF files they should be, and the basics oracle parses
 * and agrees with readelf on the binaries.
 */
class TestCoresTest {
    private static final short ET_EXEC = 2, ET_DYN = 3, ET_CORE = 4, EM_X86_64 = 62;
    private static final int PT_LOAD = 1;

    @Test
    void manifestListsEveryCommittedCore() throws IOException {
        List<String> names = TestCores.list();
        assertFalse(names.isEmpty());
        try (var files = Files.list(TestCores.root().resolve("cores"))) {
            List<String> committed = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".core.zst")).map(n -> n.substring(0, n.length() - 9)).sorted().toList();
            assertEquals(committed, names.stream().sorted().toList());
        }
        for (Manifest.Entry e : TestCores.manifest().entries()) {
            assertEquals(e.coreZstSize(), Files.size(TestCores.root().resolve("cores/" + e.core() + ".core.zst")));
            assertEquals(e.binaryZstSize(), Files.size(TestCores.root().resolve(e.binaryZst())));
        }
        assertTrue(TestCores.manifest().meta().get("libc.so.6 build-id").matches("[0-9a-f]{40}"));
    }

    @Test
    void coresDecompressToManifestSizeAndSha256() throws IOException {
        for (Manifest.Entry e : TestCores.manifest().entries()) {
            Path core = TestCores.core(e.core());
            assertEquals(e.coreSize(), Files.size(core), e.core());
            assertEquals(e.coreSha256(), Sha256.of(core), e.core());
            ByteBuffer h = header(core);
            assertEquals(ET_CORE, h.getShort(16), e.core());
            assertEquals(EM_X86_64, h.getShort(18), e.core());
            assertEquals(core, TestCores.core(e.core()));
        }
    }

    @Test
    void binariesDecompressToManifestSizeAndSha256() throws IOException {
        for (Manifest.Entry e : TestCores.manifest().entries()) {
            Path bin = TestCores.binaryFor(e.core());
            assertEquals(e.program(), bin.getFileName().toString());
            assertEquals(e.binarySize(), Files.size(bin), e.core());
            assertEquals(e.binarySha256(), Sha256.of(bin), e.core());
            short expectedType = e.variant().endsWith("-pie") ? ET_DYN : ET_EXEC;
            assertEquals(expectedType, header(bin).getShort(16), e.core());
        }
    }

    /** gcore and the kernel keep the first page of each mapped ELF, so libc's build-id note is there. */
    @Test
    void dynamicCoresCarryTheManifestLibcBuildId() throws IOException {
        byte[] buildId = HexFormat.of().parseHex(TestCores.manifest().meta().get("libc.so.6 build-id"));
        for (Manifest.Entry e : TestCores.manifest().entries()) {
            boolean found = indexOf(Files.readAllBytes(TestCores.core(e.core())), buildId) >= 0;
            assertEquals(!e.variant().endsWith("-static"), found, e.core());
        }
    }

    @Test
    void runTreeHoldsTheBinariesAtTheRecordedPaths() throws IOException {
        TestCores.materializeRunTree();
        for (Manifest.Entry e : TestCores.manifest().entries()) {
            Path run = TestCores.runPath(e.core());
            assertEquals(e.binarySha256(), Sha256.of(run), run.toString());
            assertTrue(Files.isExecutable(run), run.toString());
            byte[] recorded = run.toString().getBytes(StandardCharsets.US_ASCII);
            assertTrue(indexOf(Files.readAllBytes(TestCores.core(e.core())), recorded) >= 0,
                    e.core() + " does not name " + run);
        }
        TestCores.materializeRunTree(); // idempotent
    }

    @Test
    void basicsOracleParsesAndAgreesWithTheFiles() throws IOException {
        for (Manifest.Entry e : TestCores.manifest().entries()) {
            OracleFacts o = TestCores.oracle(e.core(), "basics");
            String c = e.core();
            assertEquals("X86_64", o.get("platform.arch"), c);
            assertEquals(3, o.hex("platform.flags"), c); // IS_64_BIT | IS_LITTLE_ENDIAN
            List<Integer> tids = o.tids();
            assertEquals(tids.size(), o.integer("threads.count"), c);
            assertTrue(tids.contains(o.crashedTid()) && tids.contains(o.mainTid()), c);
            // threads.c: main + 4 workers, + a crasher thread in the crash modes; types.c: main only
            int expected = e.program().equals("types") ? 1 : e.kind().startsWith("gcore") ? 5 : 6;
            assertEquals(expected, tids.size(), c);

            // The load bias drgn applied is the same for every executable symbol, zero for
            // ET_EXEC, and a PT_LOAD of the core starting with an ELF header for PIE.
            Path bin = TestCores.binaryFor(c);
            long bias = -1;
            for (String name : List.of("main", "tc_checkpoint", "_start")) {
                OracleFacts.OracleSymbol s = o.symbol(name).orElseThrow();
                Readelf r = Readelf.symbol(bin, name);
                assertEquals(r.size(), s.size(), c + " " + name);
                assertEquals("FUNC", s.kind(), c + " " + name);
                long b = s.address() - r.value();
                if (bias == -1) bias = b;
                assertEquals(bias, b, c + " " + name);
                assertEquals(s, o.symbolAt(s.address()).orElseThrow(), c + " " + name);
                assertEquals(s, o.symbolAt(s.address() + s.size() - 1).orElseThrow(), c + " " + name);
            }
            if (e.variant().endsWith("-pie")) {
                assertEquals(0, bias & 0xfff, c);
                assertTrue(loadStartsWithElfHeader(TestCores.core(c), bias), c + String.format(" bias %#x", bias));
            } else {
                assertEquals(0, bias, c);
            }

            for (long addr : new long[] {0x10, 0xffffffffffff0000L}) {
                String k = "fault@0x" + Long.toHexString(addr);
                assertEquals("FaultError", o.get(k + ".type"), c);
                assertEquals(addr, o.hex(k + ".address"), c);
                assertTrue(o.get(k + ".message").endsWith(": 0x" + Long.toHexString(addr)), c);
            }
            assertEquals("LookupError", o.error("symbol.no_such_symbol").orElseThrow().type(), c);

            if (e.program().equals("types")) { // int g_int = 42;
                long gInt = o.symbol("g_int").orElseThrow().address();
                assertEquals(42, o.hex("read_u32@0x" + Long.toHexString(gInt)), c);
                assertTrue(o.get("read@0x" + Long.toHexString(gInt)).startsWith("2a000000"), c);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static ByteBuffer header(Path elf) throws IOException {
        byte[] b = new byte[64];
        try (var in = Files.newInputStream(elf)) {
            assertEquals(64, in.readNBytes(b, 0, 64));
        }
        assertEquals(0x464c457f, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(0), elf + " magic");
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Is there a PT_LOAD at {@code vaddr} whose saved bytes begin with the ELF magic? */
    private static boolean loadStartsWithElfHeader(Path core, long vaddr) throws IOException {
        ByteBuffer d = ByteBuffer.wrap(Files.readAllBytes(core)).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = d.getLong(0x20);
        int phentsize = Short.toUnsignedInt(d.getShort(0x36)), phnum = Short.toUnsignedInt(d.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            int p = Math.toIntExact(phoff + (long) i * phentsize);
            if (d.getInt(p) == PT_LOAD && d.getLong(p + 16) == vaddr && d.getLong(p + 32) >= 4) {
                return d.getInt(Math.toIntExact(d.getLong(p + 8))) == 0x464c457f;
            }
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** One .symtab entry as binutils readelf prints it. */
    private record Readelf(long value, long size) {
        static Readelf symbol(Path file, String name) {
            try {
                Process p = new ProcessBuilder("readelf", "-sW", file.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                for (String line : out.split("\n")) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length == 8 && f[7].equals(name) && f[0].endsWith(":")) {
                        return new Readelf(Long.parseUnsignedLong(f[1], 16), Long.decode(f[2]));
                    }
                }
                throw new AssertionError("readelf: no symbol " + name + " in " + file);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("readelf failed on " + file, e);
            }
        }
    }
}
