#!/usr/bin/env bash
# What a drgn script pays per Object operation: drgn 0.0.22 (CPython) vs jdrgn with GraalPy
# interpreted and JIT-compiled (JDRGN_JIT=1), on the `types` test core. Prints
#   1. ns/op per operation (src/bench/object_ops.py, in-process; best of 7 timed rounds)
#      and the jdrgn/drgn ratios; plus the engine's own cost from Java, without Python
#      (src/test/java/org/jdrgn/bench/ObjectOpsBench, from the launcher's build);
#   2. whole-process wall time and peak RSS of those benchmark runs (warm-up included);
#   3. start-up: `-c CORE -e pass`, median wall time and peak RSS over N runs, for drgn and
#      jdrgn with its AOT cache (default), without it (JDRGN_NO_AOT=1), and in JIT mode.
#   src/bench/object-ops.sh [N]        (N start-up runs, default 5)
# Environment: JDRGN (launcher to time, default ./jdrgn); WARMUP (seconds of warm-up, all
# ops in turn, for drgn and the interpreter; default 3); JIT_WARMUP (JIT mode, default 30:
# on 2 cores Graal needs that long to compile the ops behind jdrgn's own start-up code);
# VERBOSE=1 also prints the raw medians. Needs python3-drgn and zstd.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-5}
jdrgn=${JDRGN:-$here/jdrgn}
name=types_O0-dw5-pie.gcore
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# drgn 0.0.22 finds a PIE core's executable only at the path the core recorded.
exe=/tmp/testcores-run/O0-dw5-pie/types
mkdir -p "$(dirname "$exe")"
zstd -q -d -c "$here/testcores/bin/O0-dw5-pie/types.zst" >"$tmp/exe"
cmp -s "$tmp/exe" "$exe" || { chmod 755 "$tmp/exe"; cp -p "$tmp/exe" "$exe"; }
core=$tmp/$name.core
zstd -q -d -c "$here/testcores/cores/$name.core.zst" >"$core"

drgn=(/usr/bin/python3 -m drgn)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
# Not timed: builds the jar, trains the AOT cache, copies the JIT compiler (<build>/jdrgn-cli/jit).
"$jdrgn" -q -c "$core" -e pass >/dev/null
JDRGN_JIT=1 "$jdrgn" -q -c "$core" -e pass >/dev/null

ops() {  # label warmup [env...] -> $tmp/label.ops ("op median min n"), $tmp/label.time
	local label=$1 warmup=$2; shift 2
	local cmd=("${drgn[@]}")
	[ "$label" = drgn ] || cmd=("$jdrgn")
	env BENCH_WARMUP="$warmup" "$@" /usr/bin/time -f '%e %M' -o "$tmp/$label.time" \
		"${cmd[@]}" -q -c "$core" "$here/src/bench/object_ops.py" >"$tmp/$label.ops"
}
# The engine alone, from Java (no Python): what the adapter and interop add is the rest.
build=$("$jdrgn" --build-dir)
java=${JDRGN_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
if [ -f "$build/jdrgn-faces/test-classes/org/jdrgn/bench/ObjectOpsBench.class" ]; then
	"$java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xss8m \
		-cp "$build/jdrgn-faces/test-classes:$build/jdrgn-engine/test-classes:$build/jdrgn-cli/lib/*" org.jdrgn.bench.ObjectOpsBench \
		--warmup 1 "$core" >"$tmp/java.ops"
else
	: >"$tmp/java.ops"  # the launcher's build compiles the test classes; none here
fi
ops drgn "${WARMUP:-3}"
ops interp "${WARMUP:-3}"
ops jit "${JIT_WARMUP:-30}" JDRGN_JIT=1

echo
echo "ns/op, best of 7 timed rounds (the machine is shared; VERBOSE=1 prints medians too);"
echo "each figure includes the 'loop' row's cost"
awk 'FNR == 1 {f++}
	f == 1 {order[++k] = $1; d[$1] = $3} f == 2 {i[$1] = $3} f == 3 {j[$1] = $3} f == 4 {e[$1] = $3}
	END {
		printf "%-13s %10s %12s %10s %11s %9s %11s\n", "op", "drgn", "jdrgn-interp", "jdrgn-JIT", "interp/drgn",
			"JIT/drgn", "java-engine"
		for (r = 1; r <= k; r++) {
			o = order[r]
			printf "%-13s %10.1f %12.1f %10.1f %11.1f %9.2f %11s\n", o, d[o], i[o], j[o], i[o] / d[o], j[o] / d[o],
				o in e ? sprintf("%.1f", e[o]) : "-"
		}
	}' "$tmp/drgn.ops" "$tmp/interp.ops" "$tmp/jit.ops" "$tmp/java.ops"
if [ -n "${VERBOSE:-}" ]; then
	for l in drgn interp jit java; do echo "== $l (op median min iterations)"; cat "$tmp/$l.ops"; done
fi
echo
echo "whole process, benchmark runs above"
printf '%-13s %8s %12s\n' run wall_s peak_rss_MB
for l in drgn interp jit; do
	read -r w m <"$tmp/$l.time"
	printf '%-13s %8.1f %12.0f\n' "$l" "$w" "$((m / 1024))"
done

startup() {  # label [env...] -> "label median_wall max_rss_MB"
	local label=$1; shift
	local cmd=("$jdrgn" -q -c "$core" -e pass)
	[ "$label" = drgn ] && cmd=("${drgn[@]}" -q -c "$core" "$tmp/empty.py")  # 0.0.22 has no -e
	for _ in $(seq "$n"); do
		env "$@" /usr/bin/time -f '%e %M' -o "$tmp/t" "${cmd[@]}" >/dev/null
		cat "$tmp/t"
	done | sort -n | awk -v l="$label" '{w[NR] = $1; if ($2 > m) m = $2}
		END {printf "%-13s %8.2f %12.0f\n", l, w[int((NR + 1) / 2)], m / 1024}'
}
: >"$tmp/empty.py"
echo
echo "start-up: -c CORE -e pass (drgn: an empty script), median of $n runs"
printf '%-13s %8s %12s\n' run wall_s peak_rss_MB
startup drgn
startup jdrgn-aot
startup jdrgn-no-aot JDRGN_NO_AOT=1
startup jdrgn-jit JDRGN_JIT=1
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
