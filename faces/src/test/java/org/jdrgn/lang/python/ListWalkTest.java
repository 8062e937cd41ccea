package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * drgn.helpers.linux.list walks a list in Java (bounded): a well-formed list yields its nodes in
 * both directions, and a corrupt one that loops without reaching its head, or an hlist that
 * never reaches NULL, is a ValueError naming the list instead of a hang.
 */
@Tag("slow")
class ListWalkTest {
    private static final String SETUP = """
            import struct
            from drgn import Program, Platform, Architecture, PlatformFlags, TypeMember, Object
            from drgn.helpers.linux.list import list_for_each, list_for_each_reverse, hlist_for_each
            prog = Program(Platform(Architecture.X86_64, PlatformFlags.IS_64_BIT | PlatformFlags.IS_LITTLE_ENDIAN))
            ulong = prog.int_type("unsigned long", 8, False)
            lh = prog.struct_type("list_head", 16, (TypeMember(lambda: prog.pointer_type(lh), "next", 0),
                                                     TypeMember(lambda: prog.pointer_type(lh), "prev", 64)))
            hn = prog.struct_type("hlist_node", 16, (TypeMember(lambda: prog.pointer_type(hn), "next", 0),
                                                      TypeMember(ulong, "pprev", 64)))
            def load(words):   # 16-byte nodes at 0x1000, 0x1010, ...: (next, prev) pairs
                data = b"".join(struct.pack("<QQ", *w) for w in words)
                prog.add_memory_segment(0x1000, len(data), lambda a, n, o, p: data[o:o + n])
            def head(i, t=lh):
                return Object(prog, prog.pointer_type(t), value=0x1000 + 16 * i)
            def walk(it):
                try:
                    return [hex(n.value_()) for n in it]
                except ValueError as e:
                    return f"ValueError: {e}"
            """;

    @Test
    void wellFormedAndCorruptLists() {
        String out = PythonHarness.out(null, SETUP + """
                # 0: head -> 1 -> 2 -> head; 3: head -> 4 -> 5 -> 4 ... (never back); 6: hlist 7 -> 8 -> 7 ...
                load([(0x1010, 0x1020), (0x1020, 0x1000), (0x1000, 0x1010),
                      (0x1040, 0x1050), (0x1050, 0x1030), (0x1040, 0x1040),
                      (0x1070, 0), (0x1080, 0), (0x1070, 0)])
                print(walk(list_for_each(head(0))))
                print(walk(list_for_each_reverse(head(0))))
                print(walk(list_for_each(head(3))))
                print(walk(hlist_for_each(Object(prog, prog.pointer_type(prog.struct_type("hlist_head", 8,
                      (TypeMember(prog.pointer_type(hn), "first", 0),))), value=0x1060))))
                """);
        assertEquals("""
                ['0x1010', '0x1020']
                ['0x1020', '0x1010']
                ValueError: struct list_head list at 0x1030 loops back to 0x1040 without reaching its end (corrupt list)
                ValueError: struct hlist_head list at 0x1060 loops back to 0x1070 without reaching its end (corrupt list)
                """, out);
    }
}
