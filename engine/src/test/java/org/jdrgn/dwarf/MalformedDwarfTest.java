package org.jdrgn.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.index.DebugIndex;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Corrupted copies of a real file's sections: a FormatException naming section and offset, never a hang. */
class MalformedDwarfTest {
    private static final Path FILE = DwarfFiles.testBinaries().stream()
            .filter(p -> p.getFileName().toString().equals("types")).findFirst().orElseThrow();

    private static DwarfSections base() { return DwarfFiles.sections(FILE); }

    private static ByteSlice copy(ByteSlice s) { return ByteSlice.of(s.bytes(0, (int) s.size()), s.what()); }

    private static DwarfSections withInfo(DwarfSections s, ByteSlice info) {
        return new DwarfSections(info, s.abbrev(), s.str(), s.lineStr(), s.strOffsets(), s.addr(), s.rnglists(),
                s.ranges(), s.loclists(), s.loc(), s.line(), s.types(), null);
    }

    private static DwarfSections withAbbrev(DwarfSections s, ByteSlice abbrev) {
        return new DwarfSections(s.info(), abbrev, s.str(), s.lineStr(), s.strOffsets(), s.addr(), s.rnglists(),
                s.ranges(), s.loclists(), s.loc(), s.line(), s.types(), null);
    }

    /** Walks and indexes everything; must end (with or without an exception) within seconds. */
    private static void walkAll(DwarfSections s) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Dwarf dw = Dwarf.open(s);
            new DebugIndex().add(dw);
            for (Unit u : dw.units()) {
                DieCursor c = new DieCursor(u);
                for (Die d = c.next(); d != null; d = c.next()) {
                    d.attributes();
                    d.subtreeEnd();
                }
            }
        });
    }

    private static FormatException expectFormat(DwarfSections s) {
        try {
            walkAll(s);
        } catch (FormatException e) {
            return e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof FormatException f) return f;
            throw e;
        }
        throw new AssertionError("no FormatException");
    }

    @Test
    void truncatedUnit() {
        DwarfSections s = base();
        ByteSlice info = s.info().slice(0, s.info().size() / 2, s.info().what());
        FormatException e = assertThrows(FormatException.class, () -> Dwarf.open(withInfo(s, info)));
        assertTrue(e.where().contains(".debug_info"), e.getMessage());
        assertEquals(0, e.offset(), "the unit whose length runs past the end");
    }

    @Test
    void badAbbrevCode() {
        DwarfSections s = base();
        byte[] info = s.info().bytes(0, (int) s.info().size());
        Unit u = Dwarf.open(s).units().get(0);
        long first = u.root().children().get(0).offset();
        info[(int) first] = 0x7f; // not a code in the table
        FormatException e = expectFormat(withInfo(s, ByteSlice.of(info, s.info().what())));
        assertTrue(e.where().contains(".debug_info"), e.getMessage());
        assertEquals(first, e.offset());
        assertTrue(e.getMessage().contains("abbreviation code 127"), e.getMessage());
    }

    @Test
    void unknownFormInAbbrevTable() {
        DwarfSections s = base();
        byte[] ab = s.abbrev().bytes(0, (int) s.abbrev().size());
        // first abbreviation: code, tag, children, then (name, form): make the form 0x7e
        Cursor c = new Cursor(s.abbrev(), 0);
        c.uleb128();
        c.uleb128();
        c.u8();
        c.uleb128();
        long formAt = c.pos();
        ab[(int) formAt] = 0x7e;
        FormatException e = expectFormat(withAbbrev(s, ByteSlice.of(ab, s.abbrev().what())));
        assertTrue(e.where().contains(".debug_abbrev"), e.getMessage());
        assertEquals(formAt - 1, e.offset());
    }

    @Test
    void siblingLoopIsRejected() {
        DwarfSections s = base();
        Dwarf dw = Dwarf.open(s);
        byte[] info = s.info().bytes(0, (int) s.info().size());
        // find a DIE with a ref4 DW_AT_sibling and point it back at itself
        for (Unit u : dw.units()) {
            DieCursor c = new DieCursor(u);
            for (Die d = c.next(); d != null; d = c.next()) {
                int i = d.abbrev().siblingIndex();
                if (i < 0 || d.abbrev().forms()[i] != DwForm.ref4) continue;
                long p = d.offset() + 1;
                for (int k = 0; k < i; k++) p = Forms.skip(s.info(), p, d.abbrev().forms()[k], u.encoding());
                long rel = d.offset() - u.header().offset();
                for (int b = 0; b < 4; b++) info[(int) p + b] = (byte) (rel >>> (8 * b));
                FormatException e = expectFormat(withInfo(s, ByteSlice.of(info, s.info().what())));
                assertTrue(e.getMessage().contains("DW_AT_sibling"), e.getMessage());
                assertEquals(p, e.offset());
                return;
            }
        }
        throw new AssertionError("no DIE with a DW_AT_sibling in " + FILE);
    }

    @Test
    void referenceOutsideAnyUnit() {
        DwarfSections s = base();
        Dwarf dw = Dwarf.open(s);
        FormatException e = assertThrows(FormatException.class, () -> dw.die(s.info().size() + 100));
        assertTrue(e.where().contains(".debug_info"));
        assertEquals(s.info().size() + 100, e.offset());
    }

    @Test
    void garbageEverywhereEndsQuickly() {
        DwarfSections s = base();
        java.util.Random r = new java.util.Random(42);
        for (int round = 0; round < 30; round++) {
            byte[] info = s.info().bytes(0, (int) s.info().size());
            for (int k = 0; k < 20; k++) info[12 + r.nextInt(info.length - 12)] = (byte) r.nextInt(256);
            try {
                walkAll(withInfo(s, ByteSlice.of(info, s.info().what())));
            } catch (FormatException e) {
                assertTrue(e.where().contains(".debug"), e.getMessage());
            } catch (RuntimeException e) {
                if (!(e.getCause() instanceof FormatException)) throw e;
            }
        }
    }
}
