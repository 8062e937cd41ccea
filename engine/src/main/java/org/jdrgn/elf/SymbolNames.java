package org.jdrgn.elf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Name -> symbols of one table, in table order: a chained hash table over symbol indices (two
 * int arrays), not a map with an entry and a list per name. A kernel's ~120k symbols index in a
 * fraction of the time and memory a HashMap takes, which matters because the first by-name
 * lookup (a tail-call target while unwinding) pays for all of it.
 */
final class SymbolNames {
    private final List<Symbol> symbols;
    private final int[] heads, next;
    private final int mask;

    private SymbolNames(List<Symbol> symbols) {
        this.symbols = symbols;
        int n = symbols.size();
        int size = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;    // a power of two >= 2n
        heads = new int[size];
        Arrays.fill(heads, -1);
        next = new int[n];
        mask = size - 1;
        // prepending in reverse keeps each chain in table order
        for (int i = n - 1; i >= 0; i--) {
            int h = slot(symbols.get(i).name());
            next[i] = heads[h];
            heads[h] = i;
        }
    }

    static SymbolNames of(List<Symbol> symbols) { return new SymbolNames(symbols); }

    /** The symbols named {@code name}, in table order (an immutable list, empty if none). */
    List<Symbol> get(String name) {
        Symbol first = null;
        List<Symbol> more = null;
        for (int i = heads[slot(name)]; i >= 0; i = next[i]) {
            Symbol s = symbols.get(i);
            if (!java.util.Objects.equals(s.name(), name)) continue;
            if (first == null) {
                first = s;
            } else {
                if (more == null) more = new ArrayList<>(List.of(first));
                more.add(s);
            }
        }
        return more != null ? List.copyOf(more) : first != null ? List.of(first) : List.of();
    }

    private int slot(String name) {
        int h = name == null ? 0 : name.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
