package org.jdrgn.lang.python;

import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;
import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Module;

/**
 * The Java side of drgn's Module API subset (_drgn_module.py): a program's modules as tuples
 * (kind, name, start, end, build ID hex or None, loaded file path, loaded file bias, debug
 * file path, debug file bias, and for a kernel module its struct module address and
 * (section name, address) pairs), main executable or vmlinux first, then the others (a
 * kernel's modules in its module list order).
 */
public final class PyModules {
    private PyModules() {}

    @Export
    public static Object[] of(PyProgram prog) {
        return prog.rt.call(() -> {
            List<Module> mods = prog.program().target().loadedModules().map(LoadedModules::modules).orElse(List.of());
            return mods.stream().map(PyModules::tuple).toArray();
        });
    }

    private static Object[] tuple(Module m) {
        String kind = switch (m.kind()) {
            case MAIN -> "main";
            case SHARED_LIBRARY -> "shared_library";
            case VDSO -> "vdso";
            case KERNEL_MODULE -> "relocatable";
        };
        boolean loaded = m.loadedFile().isPresent(), debug = m.debugFile().isPresent();
        Object structModule = m.kernelModule().map(k -> (Object) k.address()).orElse(null);
        Object sections = m.kernelModule().map(k -> (Object) k.sectionAddresses().entrySet().stream()
                .map(e -> new Object[] {e.getKey(), e.getValue()}).toArray()).orElse(null);
        return new Object[] {kind, m.name(), m.start(), m.end(), m.buildId().map(b -> b.hex()).orElse(null),
                m.loadedFilePath().orElse(null), loaded ? m.bias() : null,
                m.debugFilePath().orElse(null), debug ? m.bias() : null, structModule, sections};
    }
}
