#!/usr/bin/env bash
# Whole-process comparison, jdrgn vs drgn 0.0.22 on the same dump and script:
# median wall time, CPU time and peak RSS over N runs, and the jdrgn/drgn ratios. jdrgn-res is
# ./jdrgn --resident (a client JVM per run; the warm server's own peak and final RSS are
# printed below the table).
#   src/bench/vs-drgn.sh [CORE] [SCRIPT] [N]
# Defaults: a committed test core, an empty script, 5 runs. Needs python3-drgn.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
core=${1:-$here/testcores/cores/threads_O0-dw5-pie.segv.core.zst}
script=${2:-}
n=${3:-5}
tmp=$(mktemp -d)
. "$here/src/bench/resident.sh"
resident_setup "$tmp"
trap 'resident_stop; rm -rf "$tmp"' EXIT
if [ -z "$script" ]; then script=$tmp/empty.py; : >"$script"; fi
case $core in *.zst) zstd -q -d -c "$core" >"$tmp/core"; core=$tmp/core ;; esac

"$here/jdrgn" -q -c "$core" "$script" >/dev/null 2>&1 || true   # build + AOT training, not timed
"$here/jdrgn" --resident -q -c "$core" "$script" >/dev/null 2>&1 || true   # server start, not timed

measure() {  # label cmd... -> "label median_wall median_cpu max_rss_kb"
	local label=$1; shift
	for _ in $(seq "$n"); do
		/usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" >/dev/null 2>&1 || true
		cat "$tmp/t"
	done >"$tmp/runs"
	local w c m
	w=$(cut -d' ' -f1 "$tmp/runs" | sort -n | sed -n "$(( (n + 1) / 2 ))p")
	c=$(awk '{print $2 + $3}' "$tmp/runs" | sort -n | sed -n "$(( (n + 1) / 2 ))p")
	m=$(cut -d' ' -f4 "$tmp/runs" | sort -n | tail -1)
	echo "$label $w $c $m"
}
# drgn 0.0.22 has no -e: both run the same (by default empty) script.
j=$(measure jdrgn "$here/jdrgn" -q -c "$core" "$script")
r=$(measure jdrgn-res "$here/jdrgn" --resident -q -c "$core" "$script")
d=$(measure drgn /usr/bin/python3 -m drgn -q -c "$core" "$script")
printf '%-9s %8s %8s %10s\n' who wall_s cpu_s max_rss_kb
printf '%-9s %8s %8s %10s\n' $j $r $d
echo "$j $r $d" | awk '{printf "ratio     %8.1f %8.1f %10.1f   (jdrgn/drgn)\nratio-res %8.1f %8.1f %10.1f   (client only/drgn)\n", $2/$10, $3/$11, $4/$12, $6/$10, $7/$11, $8/$12}'
echo "resident server: peak_rss_kb rss_kb = $(resident_memory) (after the runs)"
sleep 3   # the server's idle GC (2 s after a run) unmaps the last dump and shrinks the heap
echo "resident server: peak_rss_kb rss_kb = $(resident_memory) (idle)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
