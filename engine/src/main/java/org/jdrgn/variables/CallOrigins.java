package org.jdrgn.variables;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.dwarf.DwTag;
import org.jdrgn.elf.Symbol;
import org.jdrgn.stack.DieNames;
import org.jdrgn.stack.ModuleDwarf;

/**
 * Which function a DWARF call site calls by name (DW_AT_call_origin), so that its parameter
 * values are only taken as entry values of that function: the origin may be the function's
 * out-of-line DIE, its abstract instance, or a declaration (in another unit, or another module
 * through the PLT) defined by an ELF symbol, possibly an alias or a versioned name.
 */
final class CallOrigins {
    private CallOrigins() {}

    /** True if a call site's DW_AT_call_origin {@code origin} is the function whose out-of-line DIE is {@code concrete}. */
    static boolean same(Die origin, Die concrete) {
        if (origin == null || concrete == null) return false;
        if (is(origin, concrete)) return true;
        Die d = concrete;
        for (int i = 0; d != null && i < 4; i++) {
            Die next = d.ref(DwAt.abstract_origin);
            d = next != null ? next : d.ref(DwAt.specification);
            if (d != null && is(origin, d)) return true;
        }
        // a declaration in another unit: the same external name
        return origin.flag(DwAt.declaration) && origin.name() != null && origin.name().equals(DieNames.name(concrete));
    }

    private static boolean is(Die a, Die b) { return a.offset() == b.offset() && a.unit() == b.unit(); }

    /** The function a call site calls by name (DW_AT_call_origin / DW_AT_abstract_origin), or null. */
    static Die origin(Die site) {
        Die o = site.ref(DwAt.call_origin);
        return o != null ? o : site.ref(DwAt.abstract_origin);
    }

    /** The out-of-line DW_TAG_subprogram with code for a call origin, or null if none or not unique. */
    static Die definition(Die origin, ModuleDwarf dwarf) {
        if (origin == null || origin.tag() != DwTag.subprogram) return null;
        if (origin.has(DwAt.low_pc) || origin.has(DwAt.ranges)) return origin;
        String name = DieNames.name(origin);
        if (name == null) return null;
        boolean declaration = origin.flag(DwAt.declaration);
        Die found = null;
        for (Symbol s : symbols(dwarf, name)) {
            List<Die> chain = dwarf.scopesAt(s.address());
            if (chain.isEmpty()) continue;
            // a declaration is defined by the symbol (which may be an alias: pthread_join for
            // ___pthread_join) if the function starts there; an abstract instance by its origin
            Long low = chain.getFirst().address(DwAt.low_pc);
            boolean ok = declaration ? low != null && low + dwarf.bias() == s.address() : same(origin, chain.getFirst());
            if (!ok) continue;
            if (found != null && !is(found, chain.getFirst())) return null;
            found = chain.getFirst();
        }
        return found;
    }

    /** ELF symbols named {@code name}, or versioned {@code name@@VERSION} / {@code name@VERSION} (libc's exports). */
    private static List<Symbol> symbols(ModuleDwarf dwarf, String name) {
        List<Symbol> exact = dwarf.module().symbols().byName(name);
        if (!exact.isEmpty()) return exact;
        List<Symbol> out = new ArrayList<>();
        for (Symbol s : dwarf.module().symbols().all()) {
            if (s.name().startsWith(name) && s.name().length() > name.length() && s.name().charAt(name.length()) == '@') out.add(s);
        }
        return out;
    }
}
