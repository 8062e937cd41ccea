package org.jdrgn.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jdrgn.dwarf.Die;
import org.jdrgn.elf.Lazy;
import org.jdrgn.elf.Symbol;
import org.jdrgn.elf.SymbolBinding;
import org.jdrgn.program.Module;

/**
 * The functions a call went through by tail calls before reaching the callee, as DWARF call
 * sites prove them (gdb's tail-call frames). The caller's call site names a function F; if the
 * callee is not F, every path F -> ... -> callee through call sites marked DW_AT_call_tail_call
 * is searched. All paths are intersected: the call sites common to all as a prefix (from the
 * caller's side) and as a suffix (from the callee's side) are proven; if no path exists, or the
 * paths share nothing, or any call site on the way has a target that cannot be resolved without
 * a frame, nothing is proven. The search is bounded in depth and steps.
 */
final class TailCallChain {
    static final int MAX_DEPTH = 64;
    static final int MAX_STEPS = 10_000;

    /** A tail call site: its run-time return address and the DWARF it is in. */
    record Site(long pc, ModuleDwarf dwarf, Die die) {}

    private record CodeFunction(ModuleDwarf dwarf, Die die) {}

    /** Thrown inside the search when nothing can be proven (gdb's NO_ENTRY_VALUE_ERROR). */
    static final class Unproven extends RuntimeException {
        Unproven() { super(null, null, false, false); }
    }

    private final Function<Module, Optional<ModuleDwarf>> dwarfOf;
    private final LongFunction<Optional<Module>> moduleFor;
    private final Function<String, List<Symbol>> symbolsNamed;
    private final Lazy<Map<String, List<Symbol>>> versioned;
    private final Map<String, OptionalLong> named = new ConcurrentHashMap<>();
    private final Map<Long, Optional<CodeFunction>> functions = new ConcurrentHashMap<>();
    private final Map<CodeFunction, List<Site>> tailCalls = new ConcurrentHashMap<>();

    /**
     * @param dwarfOf      a module's DWARF
     * @param moduleFor    the module containing a run-time address
     * @param symbolsNamed ELF symbols of every module with a name, in module order
     * @param allSymbols   every ELF symbol (read once, only if a name is not found as such)
     */
    TailCallChain(Function<Module, Optional<ModuleDwarf>> dwarfOf, LongFunction<Optional<Module>> moduleFor,
                  Function<String, List<Symbol>> symbolsNamed, Supplier<List<Symbol>> allSymbols) {
        this.dwarfOf = dwarfOf;
        this.moduleFor = moduleFor;
        this.symbolsNamed = symbolsNamed;
        this.versioned = new Lazy<>(() -> byPlainName(allSymbols.get()));
    }

    /** Symbols with a default version ("sem_wait@@GLIBC_2.34") by their plain name, as gdb also records them. */
    private static Map<String, List<Symbol>> byPlainName(List<Symbol> all) {
        Map<String, List<Symbol>> out = new HashMap<>();
        for (Symbol s : all) {
            int at = s.name().indexOf("@@");
            if (at > 0) out.computeIfAbsent(s.name().substring(0, at), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /**
     * The proven tail call sites between the call site {@code callerSite} (in {@code callerDwarf})
     * and the function entered at {@code calleeEntry}, innermost (nearest the callee) first;
     * empty if the call went straight there or nothing is proven.
     */
    List<Site> between(Die callerSite, ModuleDwarf callerDwarf, long calleeEntry) {
        Graph graph = new Graph() {
            @Override public List<Site> tailCallsOf(long entry) { return TailCallChain.this.tailCallsOf(entry); }
            @Override public long target(Site site) { return resolve(site.die(), site.dwarf()); }
        };
        try {
            return search(graph, resolve(callerSite, callerDwarf), calleeEntry);
        } catch (Unproven e) {
            return List.of();
        }
    }

    /** The tail call graph: each function's tail call sites (by the function's entry address) and where each jumps. */
    interface Graph {
        /** Unproven if the function has no DWARF. */
        List<Site> tailCallsOf(long entry);

        /** Unproven if the site's target cannot be resolved without a frame. */
        long target(Site site);
    }

    /**
     * The proven tail call sites on the way from the function at {@code first} to the one at
     * {@code callee}, innermost first; empty if it is the callee itself or nothing is proven.
     */
    static List<Site> search(Graph graph, long first, long callee) {
        if (first == callee) return List.of();
        try {
            Search s = new Search(graph, callee);
            s.visit(first);
            return s.proven();
        } catch (Unproven e) {
            return List.of();
        }
    }

    /** Depth-first search of the tail call graph, merging each path found into the proven prefix and suffix. */
    private static final class Search {
        private final Graph graph;
        private final long callee;
        private final List<Site> path = new ArrayList<>();
        private final Set<Long> onPath = new HashSet<>();
        private List<Site> first;
        private int callers, callees, steps;

        Search(Graph graph, long callee) {
            this.graph = graph;
            this.callee = callee;
        }

        void visit(long entry) {
            if (++steps > MAX_STEPS || path.size() > MAX_DEPTH) throw new Unproven();
            if (entry == callee) {
                merge();
                return;
            }
            for (Site site : graph.tailCallsOf(entry)) {
                if (!onPath.add(site.pc())) continue;           // each call site once per path: cycles end
                path.add(site);
                visit(graph.target(site));
                path.removeLast();
                onPath.remove(site.pc());
            }
        }

        private void merge() {
            if (first == null) {
                first = List.copyOf(path);
                callers = callees = first.size();
                return;
            }
            int n = path.size(), m = first.size();
            int c = 0;
            while (c < Math.min(callers, n) && first.get(c).pc() == path.get(c).pc()) c++;
            int e = 0;
            while (e < Math.min(callees, n) && first.get(m - 1 - e).pc() == path.get(n - 1 - e).pc()) e++;
            callers = c;
            callees = e;
            if (callers == 0 && callees == 0) throw new Unproven();   // two paths with nothing in common
        }

        /** Innermost first: the common suffix, then the common prefix (all of it if every path was the same). */
        List<Site> proven() {
            if (first == null || first.isEmpty()) return List.of();
            int m = first.size();
            List<Site> out = new ArrayList<>();
            if (callers == m && callees == m) {
                for (int i = m - 1; i >= 0; i--) out.add(first.get(i));
                return out;
            }
            for (int i = 0; i < callees; i++) out.add(first.get(m - 1 - i));
            for (int i = 0; i < callers; i++) out.add(first.get(callers - 1 - i));
            return out;
        }
    }

    /** The run-time address a call site jumps to. */
    private long resolve(Die site, ModuleDwarf dwarf) {
        return switch (CallSites.target(site)) {
            case CallTarget.Address a -> a.linkAddress() + dwarf.bias();
            case CallTarget.Named n -> named.computeIfAbsent(n.name(), this::symbolAddress).orElseThrow(Unproven::new);
            case CallTarget.Unknown u -> throw new Unproven();
        };
    }

    /**
     * gdb's minimal-symbol lookup: the first global (or weak) symbol of that name in module
     * order, else the first local one. A default-versioned name ("sem_wait@@GLIBC_2.34") counts
     * as its plain name.
     */
    private OptionalLong symbolAddress(String name) {
        List<Symbol> found = symbolsNamed.apply(name);
        if (found.isEmpty()) found = versioned.get().getOrDefault(name, List.of());
        Symbol local = null;
        for (Symbol s : found) {
            if (s.binding() != SymbolBinding.LOCAL) return OptionalLong.of(s.address());
            if (local == null) local = s;
        }
        return local != null ? OptionalLong.of(local.address()) : OptionalLong.empty();
    }

    /** The tail call sites of the function containing {@code entry}; Unproven if it has no DWARF function. */
    private List<Site> tailCallsOf(long entry) {
        CodeFunction f = functions.computeIfAbsent(entry, this::functionAt).orElseThrow(Unproven::new);
        return tailCalls.computeIfAbsent(f, k -> {
            List<Site> out = new ArrayList<>();
            for (Die d : CallSites.tailCalls(k.die())) {
                Long pc = CallSites.returnPc(d);
                if (pc != null) out.add(new Site(pc + k.dwarf().bias(), k.dwarf(), d));
            }
            return out;
        });
    }

    private Optional<CodeFunction> functionAt(long address) {
        Optional<ModuleDwarf> dwarf = moduleFor.apply(address).flatMap(dwarfOf);
        if (dwarf.isEmpty()) return Optional.empty();
        List<Die> scopes = dwarf.get().scopesAt(address);
        return scopes.isEmpty() ? Optional.empty() : Optional.of(new CodeFunction(dwarf.get(), scopes.getFirst()));
    }
}
