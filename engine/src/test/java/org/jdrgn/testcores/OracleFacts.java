package org.jdrgn.testcores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A "key<TAB>value" oracle file (e.g. testcores/oracle/&lt;core&gt;.basics.tsv, written by
 * oracle/basics.py under drgn 0.0.22). Values that record a failure read
 * "ERROR &lt;ExceptionType&gt;: &lt;message&gt;"; addresses are 0x-hex, counts and tids decimal.
 */
public record OracleFacts(Path source, Map<String, String> facts) {

    /** A symbol as drgn printed it: "name 0xaddress 0xsize BINDING KIND". */
    public record OracleSymbol(String name, long address, long size, String binding, String kind) {}

    /** A failure recorded instead of a value: drgn's exception type name and str(exception). */
    public record OracleError(String type, String message) {}

    private static final String ERROR = "ERROR ";

    public OracleFacts {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static OracleFacts read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] kv = lines.get(i).split("\t", 2);
            if (kv.length != 2) throw new IllegalStateException(file + ":" + (i + 1) + ": no tab");
            if (facts.putIfAbsent(kv[0], kv[1]) != null) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": duplicate key " + kv[0]);
            }
        }
        return new OracleFacts(file, facts);
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(facts.get(key));
    }

    public String get(String key) {
        String v = facts.get(key);
        if (v == null) throw new IllegalArgumentException(source + ": no key " + key);
        return v;
    }

    public boolean isError(String key) {
        return get(key).startsWith(ERROR);
    }

    public Optional<OracleError> error(String key) {
        String v = get(key);
        if (!v.startsWith(ERROR)) return Optional.empty();
        int colon = v.indexOf(": ", ERROR.length());
        if (colon < 0) throw new IllegalStateException(source + ": malformed error for " + key + ": " + v);
        return Optional.of(new OracleError(v.substring(ERROR.length(), colon), v.substring(colon + 2)));
    }

    /** A 0x-hex value as an unsigned 64-bit long. */
    public long hex(String key) {
        return parseHex(key, get(key));
    }

    public int integer(String key) {
        return Integer.parseInt(get(key));
    }

    public List<Integer> tids() {
        return Arrays.stream(get("threads").split(",")).map(Integer::valueOf).toList();
    }

    public int crashedTid() {
        return integer("crashed_thread.tid");
    }

    public int mainTid() {
        return integer("main_thread.tid");
    }

    /** prog.symbol(name), or empty when drgn raised (see {@link #error}("symbol." + name)). */
    public Optional<OracleSymbol> symbol(String name) {
        return symbolFact("symbol." + name);
    }

    /** prog.symbol(address) for an address basics.py probed, or empty when drgn raised. */
    public Optional<OracleSymbol> symbolAt(long address) {
        return symbolFact("symbol@0x" + Long.toHexString(address));
    }

    private Optional<OracleSymbol> symbolFact(String key) {
        String v = get(key);
        if (v.startsWith(ERROR)) return Optional.empty();
        String[] f = v.split(" ");
        if (f.length != 5) throw new IllegalStateException(source + ": malformed symbol " + key + ": " + v);
        return Optional.of(new OracleSymbol(f[0], parseHex(key, f[1]), parseHex(key, f[2]), f[3], f[4]));
    }

    private long parseHex(String key, String v) {
        if (!v.startsWith("0x")) throw new IllegalStateException(source + ": " + key + " is not hex: " + v);
        return Long.parseUnsignedLong(v.substring(2), 16);
    }
}
