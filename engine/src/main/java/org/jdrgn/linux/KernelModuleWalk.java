package org.jdrgn.linux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.elf.BuildId;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfNote;
import org.jdrgn.error.DrgnException;
import org.jdrgn.error.LookupException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.types.Type;

/**
 * The loaded modules of a kernel, read from its {@code modules} list of struct module through
 * vmlinux's types: name, core layout (6.1's {@code core_layout}, or 6.4+'s {@code mem[]}),
 * the section addresses of {@code sect_attrs} and the build ID of {@code notes_attrs}.
 * Every count is bounded, so a corrupt struct module ends in an error, never a hang.
 */
public final class KernelModuleWalk {
    /** More sections or notes than a module has (sysfs caps neither; real modules have < 100). */
    private static final int MAX_SECTIONS = 4096, MAX_NOTES = 64, MAX_NOTE_BYTES = 1 << 16;

    private KernelModuleWalk() {}

    /** The modules in list order (most recently loaded first). */
    public static List<LoadedKernelModule> all(KernelObjects k) {
        DrgnObject head = k.object("modules");
        long headAddress = head.address();
        Type module = k.context().type("struct module");
        List<LoadedKernelModule> out = new ArrayList<>();
        for (long node : KernelLists.nodes(k, headAddress, "modules")) {
            DrgnObject mod = k.pointer("struct list_head *", node).containerOf(module, "list").deref();
            out.add(read(k, mod));
        }
        return out;
    }

    private static LoadedKernelModule read(KernelObjects k, DrgnObject mod) {
        String name = new String(mod.member("name").string(), StandardCharsets.UTF_8);
        long base, size;
        if (hasMember(mod, "core_layout")) {
            DrgnObject layout = mod.member("core_layout");
            base = KernelObjects.value(layout.member("base"));
            size = KernelObjects.value(layout.member("size"));
        } else { // 6.4+: mem[MOD_TEXT] is the lowest of the core regions the kernel allocates
            DrgnObject text = mod.member("mem").subscript(0);
            base = KernelObjects.value(text.member("base"));
            size = KernelObjects.value(text.member("size"));
        }
        Map<String, Long> sections = sections(mod);
        // The loader clears SHF_ALLOC of .data..percpu (so sysfs omits it) and copies it to each
        // CPU's area: its variables are at offsets from mod->percpu, like vmlinux's per-CPU ones.
        if (hasMember(mod, "percpu")) {
            long percpu = KernelObjects.value(mod.member("percpu"));
            if (percpu != 0) sections.putIfAbsent(".data..percpu", percpu);
        }
        return new LoadedKernelModule(name, mod.address(), base, size, sections, buildId(k, mod));
    }

    private static Map<String, Long> sections(DrgnObject mod) {
        Map<String, Long> out = new LinkedHashMap<>();
        DrgnObject attrs = mod.member("sect_attrs");
        if (KernelObjects.value(attrs) == 0) return out;
        attrs = attrs.deref();
        long n = KernelObjects.value(attrs.member("nsections"));
        if (n > MAX_SECTIONS) {
            throw new DrgnException("module " + name(mod) + ": sect_attrs has " + n + " sections (corrupt)");
        }
        DrgnObject array = attrs.member("attrs");
        for (int i = 0; i < n; i++) {
            DrgnObject a = array.subscript(i);
            // 5.8+ keep the name in the bin_attribute, older kernels in a member of their own
            DrgnObject nameObj = hasMember(a, "battr") ? a.member("battr").member("attr").member("name") : a.member("name");
            out.putIfAbsent(new String(nameObj.string(), StandardCharsets.UTF_8), KernelObjects.value(a.member("address")));
        }
        return out;
    }

    private static Optional<BuildId> buildId(KernelObjects k, DrgnObject mod) {
        try {
            DrgnObject attrs = mod.member("notes_attrs");
            if (KernelObjects.value(attrs) == 0) return Optional.empty();
            attrs = attrs.deref();
            long n = Math.min(KernelObjects.value(attrs.member("notes")), MAX_NOTES);
            for (int i = 0; i < n; i++) {
                DrgnObject a = attrs.member("attrs").subscript(i);
                long address = KernelObjects.value(a.member("private"));
                long size = KernelObjects.value(a.member("size"));
                if (size <= 0 || size > MAX_NOTE_BYTES) continue;
                byte[] bytes = new byte[(int) size];
                k.context().read(address, bytes, 0, bytes.length);
                for (ElfNote note : ElfNote.parseAll(ByteSlice.of(bytes, "module " + name(mod) + " notes"), 4)) {
                    if (note.type() == ElfConstants.NT_GNU_BUILD_ID && note.name().equals("GNU") && note.desc().size() > 0) {
                        return Optional.of(BuildId.of(note.desc().bytes(0, (int) note.desc().size())));
                    }
                }
            }
        } catch (DrgnException e) {
            // notes unreadable (not in the dump): the module is then matched by name only
        }
        return Optional.empty();
    }

    private static boolean hasMember(DrgnObject o, String member) {
        try {
            o.type().member(member);
            return true;
        } catch (LookupException e) {
            return false;
        }
    }

    private static String name(DrgnObject mod) {
        return new String(mod.member("name").string(), StandardCharsets.UTF_8);
    }
}
