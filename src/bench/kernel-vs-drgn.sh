#!/usr/bin/env bash
# Open a kernel dump with its vmlinux and print the crashed thread's stack trace: wall time and
# peak memory, jdrgn vs drgn 0.0.22, same machine, same run (median of N). Rows: jdrgn (a JVM
# per run), jdrgn-res (./jdrgn --resident: a client JVM per run, served by a warm resident
# server whose own peak and final RSS are printed below the table), drgn.
#   src/bench/kernel-vs-drgn.sh [VMCORE] [N]      (material: testcores/kernel/make-kernel-cores.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
props=$HOME/.cache/jdrgn/kernel/kernel.properties
vmlinux=$(sed -n 's/^vmlinux=//p' "$props")
core=${1:-$(sed -n 's/^dumps=//p' "$props")/vmcore-kdump.elf}
n=${2:-5}
tmp=$(mktemp -d)
. "$here/src/bench/resident.sh"
resident_setup "$tmp"
trap 'resident_stop; rm -rf "$tmp"' EXIT
echo 'print(prog.crashed_thread().stack_trace())' >"$tmp/trace.py"
"$here/jdrgn" -q -c "$core" -s "$vmlinux" "$tmp/trace.py" >/dev/null 2>&1 || true   # build, AOT, index cache
"$here/jdrgn" --resident -q -c "$core" -s "$vmlinux" "$tmp/trace.py" >/dev/null 2>&1 || true   # server start
measure() {
	local label=$1; shift
	for _ in $(seq "$n"); do /usr/bin/time -f '%e %M' -o "$tmp/t" "$@" >/dev/null 2>&1 || true; cat "$tmp/t"; done >"$tmp/runs"
	echo "$label $(cut -d' ' -f1 "$tmp/runs" | sort -n | sed -n "$(( (n + 1) / 2 ))p") $(cut -d' ' -f2 "$tmp/runs" | sort -n | tail -1)"
}
j=$(measure jdrgn "$here/jdrgn" -q -c "$core" -s "$vmlinux" "$tmp/trace.py")
r=$(measure jdrgn-res "$here/jdrgn" --resident -q -c "$core" -s "$vmlinux" "$tmp/trace.py")
d=$(measure drgn /usr/bin/python3 -m drgn -q -c "$core" -s "$vmlinux" "$tmp/trace.py")
printf '%-9s %8s %12s\n' who wall_s max_rss_kb $j $r $d
echo "$j $r $d" | awk '{printf "ratio     %8.1f %12.1f   (jdrgn/drgn)\nratio-res %8.1f %12.1f   (jdrgn-res client/drgn)\n", $2/$8, $3/$9, $5/$8, $6/$9}'
echo "resident server: peak_rss_kb rss_kb = $(resident_memory) (after the runs)"
sleep 3   # the server's idle GC (2 s after a run) unmaps the last dump and shrinks the heap
echo "resident server: peak_rss_kb rss_kb = $(resident_memory) (idle)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
