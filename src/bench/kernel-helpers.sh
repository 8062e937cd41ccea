#!/usr/bin/env bash
# Issue 11's helper benchmark on the real kdump, jdrgn vs drgn 0.0.22, as ratios: per phase of
# src/bench/kernel_helpers.py (for_each_task + task_state_to_char, for_each_slab_cache, a full
# for_each_page pass, get_dmesg) the median ms over N runs (default 3), and the whole process.
#   src/bench/kernel-helpers.sh [N]        JDRGN_BUILD_DIR as for ./jdrgn; DUMP (default vmcore-kdump.elf)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-3}
props=${JDRGN_KERNEL_CACHE:-$HOME/.cache/jdrgn/kernel}/kernel.properties
[ -f "$props" ] || { echo "no $props: run testcores/kernel/make-kernel-cores.sh" >&2; exit 1; }
vmlinux=$(sed -n 's/^vmlinux=//p' "$props")
dump=$(sed -n 's/^dumps=//p' "$props")/${DUMP:-vmcore-kdump.elf}
script=$here/src/bench/kernel_helpers.py
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]; else print "-"}'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); $n runs each; dump $(basename "$dump")"
for i in $(seq "$n"); do
	/usr/bin/time -f '%e' -o "$tmp/jw.$i" "$here/jdrgn" -q -c "$dump" -s "$vmlinux" "$script" >"$tmp/j.$i" 2>/dev/null
	/usr/bin/time -f '%e' -o "$tmp/dw.$i" /usr/bin/python3 -m drgn -q -c "$dump" -s "$vmlinux" "$script" >"$tmp/d.$i" 2>/dev/null
done
printf '%-36s %10s %10s %7s\n' phase "jdrgn ms" "drgn ms" ratio
for p in $(cut -f1 "$tmp/d.1"); do
	j=$(for i in $(seq "$n"); do awk -F'\t' -v p="$p" '$1==p {print $2}' "$tmp/j.$i"; done | median)
	d=$(for i in $(seq "$n"); do awk -F'\t' -v p="$p" '$1==p {print $2}' "$tmp/d.$i"; done | median)
	printf '%-36s %10s %10s %7s\n' "$p" "$j" "$d" "$(awk -v a="$j" -v b="$d" 'BEGIN {printf "%.1f", b ? a / b : 0}')"
done
j=$(cat "$tmp"/jw.* | median); d=$(cat "$tmp"/dw.* | median)
printf '%-36s %10s %10s %7s\n' "whole process (s)" "$j" "$d" "$(awk -v a="$j" -v b="$d" 'BEGIN {printf "%.1f", a / b}')"
cmp -s <(cut -f1,3 "$tmp/j.1") <(cut -f1,3 "$tmp/d.1") || { echo "counts differ:"; paste "$tmp/j.1" "$tmp/d.1"; }
