package org.jdrgn.objects;

import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * A JMH-free micro-benchmark of the hot object operations on the oracle's mock program:
 * member access, subscript, C addition and int(). Run with
 * {@code java -cp <test classes>:<classes> org.jdrgn.objects.ObjectBenchmark}.
 */
public final class ObjectBenchmark {
    private ObjectBenchmark() {}

    public static void main(String[] args) throws Exception {
        String hex;
        try (var in = ObjectBenchmark.class.getResourceAsStream("object_oracle.txt")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int at = text.indexOf("memory ");
            hex = text.substring(at, text.indexOf('\n', at)).split(" ")[2];
        }
        MockProgram mp = new MockProgram(0x10000, HexFormat.of().parseHex(hex));
        DrgnObject rect = mp.o.get("rect"), arr = mp.o.get("big40"), i5 = mp.o.get("i5"), gint = mp.o.get("gint");
        DrgnObject two = DrgnObject.literal(mp.ctx, 2L);
        run("member (rect.br.y, reference)", () -> rect.member("br").member("y").bits);
        run("subscript (long[40][i], reference)", new LongSupplier() {
            long i;
            public long getAsLong() { return arr.subscript(i++ & 31).bits; }
        });
        run("add (int value + literal)", () -> i5.add(two).bits);
        run("int() of a reference (memory read)", () -> gint.toInt().longValue());
        run("int() of a value", () -> i5.toInt().longValue());
        run("member + int() (rect.br.y)", () -> rect.member("br").member("y").toInt().longValue());
    }

    private static void run(String name, LongSupplier op) {
        long sink = 0;
        for (int i = 0; i < 2_000_000; i++) sink += op.getAsLong();   // warm up the JIT
        int n = 5_000_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) sink += op.getAsLong();
        long t1 = System.nanoTime();
        System.out.printf("%-40s %8.1f ns/op  (%d)%n", name, (t1 - t0) / (double) n, sink & 1);
    }
}
