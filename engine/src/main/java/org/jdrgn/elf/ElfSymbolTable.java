package org.jdrgn.elf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The symbols of one loaded ELF file, relocated by the module's load bias, with drgn
 * 0.0.22's lookups. Names: every symbol (undefined ones too, unrelocated, as elfutils
 * lists them); drgn prefers global or unique, then weak, then the rest. Addresses: the rule
 * of elfutils' dwfl_module_addrsym, which drgn 0.0.22 uses, restated in {@link #lookup(long)}.
 */
public final class ElfSymbolTable {
    public static final ElfSymbolTable EMPTY = new ElfSymbolTable(List.of(), List.of());

    private final List<Symbol> symbols;
    private final Lazy<SymbolNames> byName;
    /** Address candidates in symbol-table order (the order decides ties). */
    private final Symbol[] cand;
    private final long[] value, end;
    private final int[] rank;
    private final boolean[] local;
    /** Sized candidates by address, for "all symbols containing": sorted on first use (~120k in a kernel). */
    private final Lazy<ByAddress> byAddress;

    /** Sized symbols sorted by start, with the running maximum of their ends (for a bounded backward scan). */
    private record ByAddress(Symbol[] sorted, long[] starts, long[] maxEnd) {
        static ByAddress of(Symbol[] cand) {
            Symbol[] sorted = Arrays.stream(cand).filter(s -> s.size() != 0)
                    .sorted((a, b) -> Long.compareUnsigned(a.address(), b.address())).toArray(Symbol[]::new);
            long[] starts = new long[sorted.length], maxEnd = new long[sorted.length];
            long max = 0;
            for (int i = 0; i < sorted.length; i++) {
                starts[i] = sorted[i].address();
                long e = sorted[i].address() + sorted[i].size();
                if (Long.compareUnsigned(e, max) > 0) max = e;
                maxEnd[i] = max;
            }
            return new ByAddress(sorted, starts, maxEnd);
        }
    }

    private ElfSymbolTable(List<Symbol> symbols, List<Symbol> candidates) {
        this.symbols = List.copyOf(symbols);
        this.byName = new Lazy<>(() -> SymbolNames.of(this.symbols));
        int n = candidates.size();
        cand = candidates.toArray(Symbol[]::new);
        value = new long[n];
        end = new long[n];
        rank = new int[n];
        local = new boolean[n];
        for (int i = 0; i < n; i++) {
            value[i] = cand[i].address();
            end[i] = cand[i].address() + cand[i].size();
            rank[i] = rank(cand[i]);
            local[i] = cand[i].binding() == SymbolBinding.LOCAL;
        }
        byAddress = new Lazy<>(() -> ByAddress.of(cand));
    }

    /**
     * The symbols drgn uses for {@code file}: .symtab if it has one; otherwise .dynsym plus
     * the .gnu_debugdata (MiniDebugInfo) symtab; each defined, non-absolute symbol moved by
     * {@code bias}. Unnamed ones (the linker's file symbols) are kept, as drgn lists them.
     */
    public static ElfSymbolTable of(ElfFile file, long bias) {
        List<Symbol> all = new ArrayList<>();
        List<Symbol> candidates = new ArrayList<>();
        if (!file.symbols().isEmpty()) {
            add(file.symbols(), bias, all, candidates);
        } else {
            add(file.dynamicSymbols(), bias, all, candidates);
            Optional<ElfFile> mini = file.gnuDebugData();
            if (mini.isPresent()) add(mini.get().symbols(), bias, all, candidates);
        }
        return new ElfSymbolTable(all, candidates);
    }

    /**
     * {@code of(file, 0).lookup(name)} without building the table: a scan of the same symbols,
     * for a few link-time lookups (a kernel's vmlinux has ~120k symbols; the table, sorted and
     * indexed, is built once for the module, with its bias).
     */
    public static Optional<Symbol> lookup(ElfFile file, String name) {
        // link-time, so file-only: kept on the file for later Programs (callers ask a handful of names)
        return file.derived(new LinkTimeName(name), () -> scan(file, name));
    }

    private record LinkTimeName(String name) {}

    private static Optional<Symbol> scan(ElfFile file, String name) {
        List<Symbol> found = new ArrayList<>(1);
        if (!file.symbols().isEmpty()) {
            named(file.symbols(), name, found);
        } else {
            named(file.dynamicSymbols(), name, found);
            Optional<ElfFile> mini = file.gnuDebugData();
            if (mini.isPresent()) named(mini.get().symbols(), name, found);
        }
        return best(found);
    }

    private static void named(List<ElfSymbol> syms, String name, List<Symbol> out) {
        for (ElfSymbol e : syms) {
            if (!name.equals(e.name())) continue;
            out.add(new Symbol(e.name(), e.value(), e.size(), SymbolBinding.fromElf(e.binding()), SymbolKind.fromElf(e.symbolType())));
        }
    }

    private static void add(List<ElfSymbol> syms, long bias, List<Symbol> all, List<Symbol> candidates) {
        for (ElfSymbol e : syms) {
            boolean moved = e.isDefined() && e.shndx() != ElfConstants.SHN_ABS;
            Symbol s = new Symbol(e.name(), moved ? e.value() + bias : e.value(), e.size(),
                    SymbolBinding.fromElf(e.binding()), SymbolKind.fromElf(e.symbolType()));
            all.add(s);
            int t = e.symbolType();
            // Absolute symbols (e.g. version names like LINUX_2.6 = 0) are not addresses in the module.
            if (moved && t != ElfSymbol.STT_FILE && t != ElfSymbol.STT_SECTION && t != ElfSymbol.STT_TLS) {
                candidates.add(s);
            }
        }
    }

    /** Every symbol (drgn's {@code prog.symbols()} for this module). */
    public List<Symbol> all() { return symbols; }

    /** All symbols named {@code name}. */
    public List<Symbol> byName(String name) { return byName.get().get(name); }

    /** The preferred symbol named {@code name}, by drgn's binding order. */
    public Optional<Symbol> lookup(String name) { return best(byName(name)); }

    /** All sized symbols containing {@code address} (drgn's {@code prog.symbols(address)}). */
    public List<Symbol> containing(long address) {
        ByAddress b = byAddress.get();
        Symbol[] sorted = b.sorted();
        long[] starts = b.starts(), maxEnd = b.maxEnd();
        List<Symbol> out = new ArrayList<>();
        int lo = 0, hi = starts.length - 1, i = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], address) <= 0) { i = mid; lo = mid + 1; } else hi = mid - 1;
        }
        for (; i >= 0 && Long.compareUnsigned(maxEnd[i], address) > 0; i--) {
            if (sorted[i].contains(address)) out.add(sorted[i]);
        }
        return out;
    }

    /**
     * drgn's {@code prog.symbol(address)} within this module. Global symbols are searched
     * first, in table order; locals only if that found no sized symbol and no sizeless one
     * exactly at the address. A symbol at or below the address is a candidate if it contains
     * it or is sizeless; a candidate replaces the current one if it starts higher or binds
     * more strongly (so ties go to the first in the table). A sized match wins; otherwise the
     * best sizeless one, unless some candidate extends beyond its start (it is then inside
     * that other symbol, not a label of its own).
     */
    public Optional<Symbol> lookup(long address) {
        State st = new State();
        scan(address, false, st);
        if (st.closest < 0 && !(st.sizeless >= 0 && value[st.sizeless] == address)) scan(address, true, st);
        if (st.closest >= 0) return Optional.of(cand[st.closest]);
        if (st.sizeless >= 0 && Long.compareUnsigned(value[st.sizeless], st.minLabel) >= 0) {
            return Optional.of(cand[st.sizeless]);
        }
        return Optional.empty();
    }

    private static final class State {
        int closest = -1, sizeless = -1;
        long minLabel;
    }

    private void scan(long address, boolean locals, State st) {
        for (int i = 0; i < cand.length; i++) {
            if (local[i] != locals || Long.compareUnsigned(value[i], address) > 0) continue;
            if (Long.compareUnsigned(end[i], st.minLabel) > 0) st.minLabel = end[i];
            boolean sizeless = end[i] == value[i];
            if (!sizeless && Long.compareUnsigned(address, end[i]) >= 0) continue;
            int c = st.closest;
            if (c >= 0 && !(Long.compareUnsigned(value[c], value[i]) < 0 || rank[c] < rank[i])) continue;
            if (!sizeless) {
                st.closest = i;
                continue;
            }
            // Among sizeless labels at one address, the last one at least as strongly bound
            // wins (what drgn 0.0.22 reports, e.g. __TMC_END__ over _edata and __bss_start).
            int z = st.sizeless;
            if (z < 0 || Long.compareUnsigned(value[z], value[i]) < 0 || rank[z] < rank[i]
                    || (value[z] == value[i] && rank[z] == rank[i])) {
                st.sizeless = i;
            }
        }
    }

    /** drgn's preference among matches: GLOBAL or UNIQUE, then WEAK, then any; first wins a tie. */
    public static Optional<Symbol> best(List<Symbol> matches) {
        Symbol weak = null, other = null;
        for (Symbol s : matches) {
            switch (s.binding()) {
                case GLOBAL, UNIQUE -> { return Optional.of(s); }
                case WEAK -> { if (weak == null) weak = s; }
                default -> { if (other == null) other = s; }
            }
        }
        return Optional.ofNullable(weak != null ? weak : other);
    }

    private static int rank(Symbol s) {
        return switch (s.binding()) {
            case GLOBAL, UNIQUE -> 3;
            case WEAK -> 2;
            case LOCAL -> 1;
            default -> 0;
        };
    }

}
