package org.jdrgn.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.kernel.KernelProgramObjects;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * get_dmesg, for_each_task and task_state_to_char on every real kernel dump against drgn
 * 0.0.22's own helpers (oracle/<dump>.helpers.txt), and the ring decoder on damaged copies of
 * the kdump's real ring: a typed error or a skipped record, never a hang.
 */
class PrintkTest {
    static KernelObjects open(KernelDump d) {
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        return new KernelProgramObjects(prog);
    }

    @ParameterizedTest
    @EnumSource(KernelDump.class)
    void dmesgMatchesDrgn(KernelDump d) {
        KernelCores.assumeOracle();
        HelpersOracle oracle = HelpersOracle.of(d);
        KernelObjects k = open(d);
        long t0 = System.nanoTime();
        List<PrintkRecord> records = Printk.records(k);
        byte[] dmesg = Printk.dmesg(records);
        long t1 = System.nanoTime();
        String ours = HelpersOracle.pythonText(dmesg);
        assertEquals(oracle.text("get_dmesg"), ours, d + " vs drgn on " + oracle.source());
        assertEquals("== get_dmesg " + ours.split("\n").length, oracle.headers().get("get_dmesg"));
        // sequence numbers run without a gap from the oldest record kept
        for (int i = 1; i < records.size(); i++) assertEquals(records.get(i - 1).seq() + 1, records.get(i).seq(), d + " record " + i);
        assertTrue(records.size() > 300, d + ": " + records.size());
        System.out.printf("%-26s %d records, %d bytes of dmesg in %.1f ms%n", d.fileName(), records.size(), dmesg.length, (t1 - t0) / 1e6);
    }

    @ParameterizedTest
    @EnumSource(KernelDump.class)
    void tasksMatchDrgn(KernelDump d) {
        KernelCores.assumeOracle();
        HelpersOracle oracle = HelpersOracle.of(d);
        KernelObjects k = open(d);
        Pids pids = new Pids(k);
        StringBuilder tasks = new StringBuilder(), states = new StringBuilder();
        for (long t : pids.forEachTask(pids.initPidNs())) {
            var task = pids.taskObject(t);
            long pid = KernelObjects.value(task.deref().member("pid"));
            tasks.append(pid).append('\t').append(HelpersOracle.pythonText(task.deref().member("comm").string())).append('\n');
            states.append(pid).append('\t').append(TaskState.toChar(task)).append('\n');
        }
        assertEquals(oracle.text("for_each_task"), tasks.toString(), d + " vs drgn on " + oracle.source());
        StringBuilder drgnStates = new StringBuilder();
        for (String line : oracle.sections().get("primitives")) {
            String[] f = line.split("\t");
            if (f.length > 2 && f[2].startsWith("state=")) drgnStates.append(f[0]).append('\t').append(f[2].substring(6)).append('\n');
        }
        assertEquals(drgnStates.toString(), states.toString(), d + " task_state_to_char");
    }

    @Test
    void stateLettersFollowTheKernelsTable() {
        assertEquals('R', TaskState.toChar(0, 0));
        assertEquals('S', TaskState.toChar(1, 0));
        assertEquals('D', TaskState.toChar(2, 0));
        assertEquals('I', TaskState.toChar(0x402, 0));      // TASK_IDLE
        assertEquals('D', TaskState.toChar(0x1000, 0));     // TASK_RTLOCK_WAIT
        assertEquals('Z', TaskState.toChar(0, 0x20));       // EXIT_ZOMBIE
        assertEquals('X', TaskState.toChar(0, 0x10));       // EXIT_DEAD
        assertEquals('T', TaskState.toChar(0x104, 0));      // TASK_STOPPED (wakekill is not reported)
        assertEquals('t', TaskState.toChar(0x8, 0));
        assertEquals('P', TaskState.toChar(0x40, 0));
    }

    // ---- damaged copies of the kdump's real ring -------------------------------------------

    private static PrintkRing kdumpRing() {
        KernelCores.assumeOracle();
        return PrintkRing.read(open(KernelDump.KDUMP_DISKDUMP));
    }

    private static PrintkRing with(PrintkRing r, long headId, long tailId, byte[] descs, byte[] infos) {
        return new PrintkRing(r.address(), r.layout(), r.order(), r.wordSize(), r.countBits(), r.sizeBits(),
                headId, tailId, descs, infos, r.data());
    }

    private static int descOf(PrintkRing r, long id) { return (int) ((id & (r.descCount() - 1)) * r.layout().descSize()); }

    /** The ids from tail to head whose descriptor is committed or finalized with that id (the kernel's own rule). */
    private static List<Long> recordIds(PrintkRing r) {
        ByteBuffer b = ByteBuffer.wrap(r.descs()).order(ByteOrder.LITTLE_ENDIAN);
        long mask = (1L << 62) - 1;
        List<Long> ids = new java.util.ArrayList<>();
        for (long id = r.tailId(); id != ((r.headId() + 1) & mask); id = (id + 1) & mask) {
            long sv = b.getLong(descOf(r, id) + (int) r.layout().stateVarOff());
            if ((sv & mask) == id && (sv >>> 62 == 1 || sv >>> 62 == 2)) ids.add(id);
        }
        return ids;
    }

    @Test
    void damagedRingsFailTypedOrSkip() {
        PrintkRing ring = kdumpRing();
        List<PrintkRecord> good = Printk.records(ring);
        long head = ring.headId(), tail = ring.tailId();
        List<Long> ids = recordIds(ring);
        assertEquals(good.size(), ids.size());
        int midIndex = ids.size() / 2;
        long mid = ids.get(midIndex);

        // ids spanning more descriptors than the ring has: typed error, no walk
        var e = assertThrows(PrintkRingException.class, () -> Printk.records(with(ring, tail + ring.descCount() + 5, tail, ring.descs(), ring.infos())));
        assertTrue(e.getMessage().contains("spans more than"), e.getMessage());
        assertThrows(PrintkRingException.class, () -> Printk.records(with(ring, -1L >>> 2, 0, ring.descs(), ring.infos())));

        // a text block whose positions are two wraps apart: typed error naming the descriptor
        byte[] descs = ring.descs().clone();
        ByteBuffer b = ByteBuffer.wrap(descs).order(ByteOrder.LITTLE_ENDIAN);
        long begin = b.getLong(descOf(ring, mid) + (int) ring.layout().lposBeginOff());
        b.putLong(descOf(ring, mid) + (int) ring.layout().lposNextOff(), begin + 3L * ring.dataSize());
        e = assertThrows(PrintkRingException.class, () -> Printk.records(with(ring, head, tail, descs, ring.infos())));
        assertTrue(e.getMessage().contains("descriptor " + mid), e.getMessage());

        // a block shorter than its id
        byte[] descs2 = ring.descs().clone();
        ByteBuffer.wrap(descs2).order(ByteOrder.LITTLE_ENDIAN).putLong(descOf(ring, mid) + (int) ring.layout().lposNextOff(), begin + 4);
        assertThrows(PrintkRingException.class, () -> Printk.records(with(ring, head, tail, descs2, ring.infos())));

        // a descriptor reserved (state 0) or holding another id: its record is left out, the rest kept
        byte[] descs3 = ring.descs().clone();
        ByteBuffer b3 = ByteBuffer.wrap(descs3).order(ByteOrder.LITTLE_ENDIAN);
        b3.putLong(descOf(ring, mid) + (int) ring.layout().stateVarOff(), mid);          // reserved
        b3.putLong(descOf(ring, ids.get(midIndex + 1)) + (int) ring.layout().stateVarOff(), (2L << 62) | (mid + 7)); // wrong id
        List<PrintkRecord> skipped = Printk.records(with(ring, head, tail, descs3, ring.infos()));
        List<Long> expected = new java.util.ArrayList<>(good.stream().map(PrintkRecord::seq).toList());
        expected.remove(midIndex + 1);
        expected.remove(midIndex);
        assertEquals(expected, skipped.stream().map(PrintkRecord::seq).toList());

        // a text_len beyond the block: cut at the block's end, not read past it
        byte[] infos = ring.infos().clone();
        int info = (int) ((mid & (ring.descCount() - 1)) * ring.layout().infoSize());
        ByteBuffer.wrap(infos).order(ByteOrder.LITTLE_ENDIAN).putShort(info + (int) ring.layout().textLenOff(), (short) 0xffff);
        List<PrintkRecord> longer = Printk.records(with(ring, head, tail, ring.descs(), infos));
        PrintkRecord was = good.get(midIndex), now = longer.get(midIndex);
        assertTrue(now.text().length >= was.text().length && now.text().length < was.text().length + 16,
                was.text().length + " -> " + now.text().length);
        assertArrayEquals(was.text(), java.util.Arrays.copyOf(now.text(), was.text().length));

        // count_bits out of range: refused before any array is read
        assertThrows(PrintkRingException.class, () -> new PrintkRing(ring.address(), ring.layout(), ring.order(), 8, 40,
                ring.sizeBits(), head, tail, ring.descs(), ring.infos(), ring.data()));
    }

    @Test
    void dataBlocksThatWrapAreReadFromTheStart() {
        PrintkRing ring = kdumpRing();
        // the kdump's ring wrapped? then some block has begin and next in different wraps; else say so
        List<PrintkRecord> records = Printk.records(ring);
        long wrapped = 0;
        for (long id : recordIds(ring)) {
            ByteBuffer b = ByteBuffer.wrap(ring.descs()).order(ByteOrder.LITTLE_ENDIAN);
            long begin = b.getLong(descOf(ring, id) + (int) ring.layout().lposBeginOff());
            long next = b.getLong(descOf(ring, id) + (int) ring.layout().lposNextOff());
            if ((begin & 1) == 0 && begin >>> ring.sizeBits() != next >>> ring.sizeBits()) wrapped++;
        }
        System.out.printf("kdump ring: %d descriptors, %d bytes of text, %d records, %d wrapped blocks%n",
                ring.descCount(), ring.dataSize(), records.size(), wrapped);
        // the records fill the text ring only partly in a short boot: a synthetic wrap of the first
        // record's block to the ring's start must read the same text from offset 0
        PrintkRecord first = records.getFirst();
        long id = recordIds(ring).getFirst();
        ByteBuffer d = ByteBuffer.wrap(ring.descs().clone()).order(ByteOrder.LITTLE_ENDIAN);
        long begin = d.getLong(descOf(ring, id) + (int) ring.layout().lposBeginOff());
        long next = d.getLong(descOf(ring, id) + (int) ring.layout().lposNextOff());
        long len = next - begin;
        byte[] data = new byte[ring.dataSize()];
        System.arraycopy(ring.data(), (int) (begin & (ring.dataSize() - 1)), data, 0, (int) len);
        long wrapBegin = 5L * ring.dataSize() - 16;                // 16 bytes before the end of wrap 4
        d.putLong(descOf(ring, id) + (int) ring.layout().lposBeginOff(), wrapBegin);
        d.putLong(descOf(ring, id) + (int) ring.layout().lposNextOff(), 5L * ring.dataSize() + len);
        PrintkRing moved = new PrintkRing(ring.address(), ring.layout(), ring.order(), ring.wordSize(), ring.countBits(),
                ring.sizeBits(), id, id, d.array(), ring.infos(), data);
        assertArrayEquals(first.text(), Printk.records(moved).getFirst().text());
    }
}
