"""Per-operation cost of drgn Object operations, in-process (time.perf_counter).

Runs unchanged on drgn 0.0.22 (CPython) and on jdrgn (GraalPy), against the `types`
test core (testcores/src/types.c):
    python3 -m drgn -q -c types_O0-dw5-pie.gcore.core object_ops.py [OP...]
    ./jdrgn -q -c testcores/cores/types_O0-dw5-pie.gcore.core.zst object_ops.py [OP...]
Environment: BENCH_WARMUP seconds of warm-up, all ops in turn (default 2; a JIT needs more),
BENCH_ROUNDS timed rounds per op (default 7), BENCH_ROUND_MS length of a round (default 100).
Prints one line per op: "op<TAB>median ns/op<TAB>min ns/op<TAB>iterations per round".
Each figure includes the cost of the `for` loop around it: op "loop" measures that alone.
Before timing, every op's result is checked against the values types.c stores, so both
implementations are timed doing the same, correct work (exit status 1 if not).
"""

import os
import sys
import time

from drgn import container_of

prog = globals()["prog"]  # set by drgn's / jdrgn's script runner

rect = prog["g_rect"]
# str(rect) is more work on jdrgn: it also prints the string rect.name points to, read from
# the executable (gcore did not save that read-only mapping; drgn 0.0.22 prints the address
# only). str(point) is the same work on both.
point = rect.br
row = prog["g_matrix"][1]  # int[4] = {10, 11, 12, 13}
g_int = prog["g_int"]  # 42
items = prog["g_items"]  # list_head of 5 struct item, ids 1..5
items_addr = items.address_


def walk():
    """list_for_each_entry over g_items, reading each item's id (5 items)."""
    ids = []
    pos = items.next
    for _ in range(64):  # bounded: a corrupt list must not hang the benchmark
        if pos.value_() == items_addr:
            break
        item = container_of(pos, "struct item", "node")
        ids.append(item.id)
        pos = pos.next
    return ids


# name -> (one operation as an expression, check of its value)
OPS = {
    "loop": ("None", lambda r: r is None),
    "member": ("rect.br", lambda r: int(r.x) == 30 and int(r.y) == 40),
    "subscript": ("row[2]", lambda r: int(r) == 12),
    "add": ("g_int + 1", lambda r: int(r) == 43),
    "int": ("int(g_int)", lambda r: r == 42),
    "value_": ("g_int.value_()", lambda r: r == 42),
    "value_struct": ("rect.value_()",
                     lambda r: r["tl"] == {"x": 1, "y": 2} and r["br"] == {"x": 30, "y": 40}),
    "str_struct": ("str(rect)", lambda r: r.startswith("(struct rect){") and ".x = (int)30" in r),
    "str_point": ("str(point)", lambda r: r == "(struct point){\n\t.x = (int)30,\n\t.y = (int)40,\n}"),
    "list_walk": ("walk()", lambda r: [int(i) for i in r] == [1, 2, 3, 4, 5]),
    "lookup": ('prog["g_int"]', lambda r: int(r) == 42),
}


def loop_of(expr):
    """A function running expr n times: one loop per op, so a JIT sees one call site and one
    type there (a shared loop calling a lambda per op would be megamorphic), and no call
    is added around the op on either implementation."""
    code = f"def run(n):\n    for _ in range(n):\n        {expr}\n"
    scope = {}
    exec(compile(code, f"<op {expr}>", "exec"), globals(), scope)
    return scope["run"]


def timed(run, n):
    """Seconds for n operations."""
    t0 = time.perf_counter()
    run(n)
    return time.perf_counter() - t0


def calibrate(run, round_s):
    """Iterations that take about round_s seconds now."""
    n = 1
    while n < 1 << 30:
        t = timed(run, n)
        if t >= round_s / 4:
            return max(1, int(n * round_s / t))
        n *= 2
    return n


def warm_up(runs, seconds, round_s):
    """All ops in turn for `seconds`: a JIT compiles every op's code before any is timed
    (timing op by op while later ones still queue for the compiler penalises the first)."""
    ns = {name: calibrate(run, round_s / 4) for name, run in runs.items()}
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        for name, run in runs.items():
            timed(run, ns[name])


def bench(run, rounds, round_s):
    """(median, min) ns/op over `rounds` rounds, after up to 10 rounds that settle the op
    (three in a row within 10%)."""
    n = calibrate(run, round_s)
    last = []
    for _ in range(10):
        last = (last + [timed(run, n)])[-3:]
        if len(last) == 3 and max(last) <= 1.1 * min(last):
            break
    per_op = sorted(timed(run, n) / n * 1e9 for _ in range(rounds))
    return per_op[len(per_op) // 2], per_op[0], n


def main(names):
    warmup = float(os.environ.get("BENCH_WARMUP", "2"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "7"))
    round_s = float(os.environ.get("BENCH_ROUND_MS", "100")) / 1000
    unknown = [n for n in names if n not in OPS]
    if unknown:
        print(f"unknown op(s): {' '.join(unknown)}; known: {' '.join(OPS)}", file=sys.stderr)
        return 2
    names = names or list(OPS)
    bad = [n for n in names if not OPS[n][1](eval(OPS[n][0]))]
    if bad:
        print(f"wrong result from: {' '.join(bad)}", file=sys.stderr)
        return 1
    runs = {name: loop_of(OPS[name][0]) for name in names}
    warm_up(runs, warmup, round_s)
    for name in names:
        median, best, n = bench(runs[name], rounds, round_s)
        print(f"{name}\t{median:.1f}\t{best:.1f}\t{n}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
