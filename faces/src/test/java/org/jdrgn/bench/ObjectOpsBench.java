package org.jdrgn.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.Literals;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.ObjectFinder;
import org.jdrgn.program.Program;

/**
 * The engine's own cost of the operations src/bench/object_ops.py times from Python: the
 * same ops on the same core, called from Java (no GraalPy), so the difference to the Python
 * figures is what the language adapter and interop add. Not a unit test: timings vary by
 * machine. Usage: ObjectOpsBench [--warmup SECONDS] [--depth FRAMES] CORE (the types test
 * core; .zst works). {@code --depth} runs the ops below that many extra stack frames, as a
 * call from GraalPy's interpreter does: an exception the engine creates costs in proportion
 * to the stack it captures. Prints "op&lt;TAB&gt;median ns/op&lt;TAB&gt;min ns/op&lt;TAB&gt;iterations".
 */
public final class ObjectOpsBench {
    private static final int ROUNDS = 7;
    private static final long ROUND_NS = 100_000_000L;
    private static volatile Object sink;          // keeps results alive: no dead-code elimination

    private ObjectOpsBench() {}

    public static void main(String[] args) {
        double warmup = 2;
        int depth = 0;
        Path core = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--depth" -> depth = Integer.parseInt(args[++i]);
                default -> core = Path.of(args[i]);
            }
        }
        if (core == null) {
            System.err.println("usage: ObjectOpsBench [--warmup SECONDS] CORE");
            System.exit(2);
        }
        Program prog = new Program(null);
        DumpLoader.open(prog, core, DebugInfoOptions.DEFAULT, w -> { });
        double w = warmup;
        atDepth(depth, () -> {
            for (var e : ops(prog).entrySet()) {
                double[] r = bench(e.getValue(), w);
                System.out.printf("%s\t%.1f\t%.1f\t%d%n", e.getKey(), r[0], r[1], (long) r[2]);
            }
        });
    }

    private static void atDepth(int frames, Runnable body) {
        if (frames <= 0) body.run();
        else atDepth(frames - 1, body);
    }

    /** The ops of object_ops.py, one Java call chain each (what the adapter calls). */
    static Map<String, Supplier<Object>> ops(Program prog) {
        DrgnObject rect = prog.object("g_rect", ObjectFinder.ANY, null);
        DrgnObject row = prog.object("g_matrix", ObjectFinder.ANY, null).subscript(1);
        DrgnObject gInt = prog.object("g_int", ObjectFinder.ANY, null);
        DrgnObject items = prog.object("g_items", ObjectFinder.ANY, null);
        DrgnObject one = Literals.of(gInt.context(), 1L);
        long head = items.address();
        Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
        ops.put("member", () -> rect.member("br"));
        ops.put("subscript", () -> row.subscript(2));
        ops.put("add", () -> gInt.add(one));
        ops.put("int", gInt::toInt);
        ops.put("value_", gInt::value);
        ops.put("value_struct", rect::value);
        ops.put("str_struct", rect::toString);
        DrgnObject point = rect.member("br");
        ops.put("str_point", point::toString);
        ops.put("list_walk", () -> {
            long sum = 0;
            DrgnObject pos = items.member("next");
            for (int i = 0; i < 64 && ((Number) pos.value()).longValue() != head; i++) {
                // like drgn's container_of(ptr, "struct item", "node"): the type name is parsed each time
                DrgnObject item = pos.containerOf(prog.types().parse("struct item", null), "node");
                sum += item.member("id").toInt().longValue();
                pos = pos.member("next");
            }
            if (sum != 15) throw new IllegalStateException("g_items ids sum to " + sum + ", expected 15");
            return sum;
        });
        ops.put("lookup", () -> prog.findObject("g_int", ObjectFinder.ANY, null));
        return ops;
    }

    /** {median ns/op, min ns/op, iterations per round} after warmup seconds. */
    static double[] bench(Supplier<Object> op, double warmup) {
        long n = calibrate(op);
        long end = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < end) timed(op, n);
        n = calibrate(op);
        double[] perOp = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) perOp[r] = (double) timed(op, n) / n;
        java.util.Arrays.sort(perOp);
        return new double[] {perOp[ROUNDS / 2], perOp[0], n};
    }

    private static long calibrate(Supplier<Object> op) {
        for (long n = 1; n < 1L << 30; n *= 2) {
            long t = timed(op, n);
            if (t >= ROUND_NS / 4) return Math.max(1, n * ROUND_NS / t);
        }
        return 1L << 30;
    }

    private static long timed(Supplier<Object> op, long n) {
        long t0 = System.nanoTime();
        Object last = null;
        for (long i = 0; i < n; i++) last = op.get();
        long t = System.nanoTime() - t0;
        sink = last;
        return t;
    }
}
