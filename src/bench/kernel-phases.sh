#!/usr/bin/env bash
# Where scripts-py/kernel_crash.py spends its time on the real kdump, phase by phase, for
#   jdrgn with GraalPy (src/bench/kernel_phases.py: the script's work with timestamps),
#   the engine alone from Java (src/test/java/org/jdrgn/bench/KernelCrashBench: the same calls,
#   no GraalPy; wall and main-thread CPU ms), and drgn 0.0.22 (the same phase script);
# plus the whole script's wall time and peak RSS (/usr/bin/time) for jdrgn and drgn.
# Medians over N runs (default 3). Needs the kernel dumps (testcores/kernel/README.md).
#   src/bench/kernel-phases.sh [N]
# Environment: BUILD (a mvn -Djdrgn.build.dir with jdrgn-cli/jdrgn.jar and test classes; default: the launcher's (./jdrgn --build-dir),
# built with `mvn package -DskipTests` first if the jar is missing); DUMP (default
# vmcore-kdump.elf). On a loaded machine trust the CPU column more than the wall columns.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-3}
build=${BUILD:-$("$here/jdrgn" --build-dir)}
props=${JDRGN_KERNEL_CACHE:-$HOME/.cache/jdrgn/kernel}/kernel.properties
[ -f "$props" ] || { echo "no $props: run testcores/kernel/make-kernel-cores.sh" >&2; exit 1; }
vmlinux=$(sed -n 's/^vmlinux=//p' "$props")
dump=$(sed -n 's/^dumps=//p' "$props")/${DUMP:-vmcore-kdump.elf}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
# KernelCrashBench is a test class of the faces module; the CLI's lib/ has every runtime jar
[ -f "$build/jdrgn-cli/jdrgn.jar" ] && [ -d "$build/jdrgn-faces/test-classes" ] ||
	(cd "$here" && mvn -o -q -B "-Djdrgn.build.dir=$build" package -DskipTests)
cp="$build/jdrgn-faces/test-classes:$build/jdrgn-engine/test-classes:$(ls "$build"/jdrgn-cli/lib/*.jar | tr '\n' :)"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { sort -n | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]; else print "-"}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); $n runs each; dump $(basename "$dump")"
for i in $(seq "$n"); do
	/usr/bin/time -f '%e %M' -o "$tmp/whole-jdrgn.$i" "$java" -jar "$build/jdrgn-cli/jdrgn.jar" -q -c "$dump" -s "$vmlinux" \
		"$here/scripts-py/kernel_crash.py" >/dev/null 2>&1
	/usr/bin/time -f '%e %M' -o "$tmp/whole-drgn.$i" /usr/bin/python3 -m drgn -q -c "$dump" -s "$vmlinux" \
		"$here/scripts-py/kernel_crash.py" >/dev/null 2>&1 || true     # drgn 0.0.22 stops at frame #3
	BENCH_START_NS=$(date +%s%N) "$java" -jar "$build/jdrgn-cli/jdrgn.jar" -q -c "$dump" -s "$vmlinux" \
		"$here/src/bench/kernel_phases.py" 2>&1 >/dev/null | grep -P '^\w+\t\d+$' >"$tmp/py.$i" || true
	BENCH_START_NS=$(date +%s%N) /usr/bin/python3 -m drgn -q -c "$dump" -s "$vmlinux" \
		"$here/src/bench/kernel_phases.py" 2>&1 >/dev/null | grep -P '^\w+\t\d+$' >"$tmp/drgn.$i" || true
	/usr/bin/time -f '%e %M' -o "$tmp/whole-java.$i" "$java" -cp "$cp" org.jdrgn.bench.KernelCrashBench "$dump" "$vmlinux" \
		| awk -F'\t' '{print $2 "\t" $3 "\t" $4}' >"$tmp/java.$i"
done

col() { cat "$tmp"/$1.* | awk -F'\t' -v p="$2" -v c="$3" '$1 == p {print $c}' | median; }
printf '%-14s %12s %12s %12s %10s\n' phase "jdrgn+py ms" "java wall ms" "java CPU ms" "drgn ms"
for p in startup open first_lookup crashed_task unwind trace_str locals variables format per_cpu total; do
	printf '%-14s %12s %12s %12s %10s\n' "$p" "$(col py "$p" 2)" "$(col java "$p" 2)" "$(col java "$p" 3)" "$(col drgn "$p" 2)"
done
whole() { tail -qn1 "$tmp"/whole-$1.* | awk '{print $'"$2"'}' | median; }   # last line: time may add "exited ..."
echo "whole kernel_crash.py: jdrgn $(whole jdrgn 1) s, peak RSS $(( $(whole jdrgn 2) / 1024 )) MB;" \
	"drgn $(whole drgn 1) s, $(( $(whole drgn 2) / 1024 )) MB;" \
	"engine alone (KernelCrashBench process) $(whole java 1) s, $(( $(whole java 2) / 1024 )) MB"
echo "(startup: process start to the script's first line: JVM, GraalPy, opening the dump and vmlinux;" \
	"drgn stops in frame #3, so its later phases do less work)"
