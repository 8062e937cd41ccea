#!/bin/bash
# make-kernel-oracle.sh - drgn 0.0.22 (Debian python3-drgn, /usr/bin/python3 -m drgn) on every
# dump that make-kernel-cores.sh made; output in $JDRGN_KERNEL_CACHE/oracle (default
# ~/.cache/jdrgn/kernel/oracle).  KASLR moves every address at each boot, so this output is
# only valid for the dumps next to it: it is regenerated whenever they are, never committed.
#   <dump>.facts.tsv    oracle.py: "key<TAB>value" facts (open status, VMCOREINFO, init_task,
#                       init_uts_ns, jiffies_64, per-CPU runqueues curr, tasks, crashing_cpu,
#                       crashed thread, the seed investigation's lines)
#   <dump>.traces.tsv   oracle.py: every task's stack trace, one frame a row
#   <dump>.drgn.txt     oracle.py: the same as drgn prints it
#   <dump>.helpers.txt  oracle_helpers.py: drgn's own helpers (for_each_task, get_dmesg, slab
#                       caches, mounts, per-task helpers), compared with them run on jdrgn's _drgn
#   <dump>.modules.tsv  oracle_modules.py: the loaded modules, their globals, types, symbols
#   formats.tsv         per dump: size, what drgn's CLI says when it opens it and reads
#                       init_uts_ns (exit code, last line), whether oracle.py's facts and
#                       traces equal those of the state's reference dump
#   timing.txt          wall times per dump
# Idempotent: skipped while the dumps, the oracle*.py scripts and drgn are unchanged; FORCE=1 redoes it.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${JDRGN_KERNEL_CACHE:-$HOME/.cache/jdrgn/kernel}
PY=/usr/bin/python3                  # Debian's python3 with drgn 0.0.22, not a pyenv one
PROPS=$CACHE/kernel.properties
[ -f "$PROPS" ] || { echo "no $PROPS: run testcores/kernel/make-kernel-cores.sh first" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$PROPS"; }
VMLINUX=$(prop vmlinux) DUMPS=$(prop dumps)
read -r -a MODS <<<"$(prop debug_modules)"
read -r -a FILES <<<"$(prop dump_files)"
DRGN_VERSION=$($PY -c 'import drgn; print(drgn.__version__)')
[ "$DRGN_VERSION" = 0.0.22 ] || echo "warning: drgn $DRGN_VERSION, the oracle is meant for 0.0.22" >&2
OUT=$CACHE/oracle
# the dumps' sizes and mtimes stand for the boot (FORCE=1 reboots with the same inputs)
KEY=$(cat "$PROPS" "$HERE"/oracle*.py "$HERE/make-kernel-oracle.sh" <(echo "$DRGN_VERSION") \
	<(cd "$DUMPS" && stat -c '%n %s %Y' "${FILES[@]}") | sha256sum | cut -c1-16)
if [ -z "${FORCE:-}" ] && [ "$(cat "$OUT/.stamp" 2>/dev/null)" = "$KEY" ]; then
	echo "oracle current: $OUT" >&2
	exit 0
fi
exec 9>"$CACHE/.lock"
flock 9
NEW=$CACHE/oracle.new
rm -rf "$NEW" && mkdir -p "$NEW"
SYMARGS=(-s "$VMLINUX"); for m in "${MODS[@]}"; do SYMARGS+=(-s "$m"); done
cat >"$NEW/.cli-check.py" <<'EOF'
print(prog["init_uts_ns"].name.release.string_().decode())
EOF
now() { date +%s%N; }
secs() { local ns=$(( $(now) - $1 )); printf '%d.%02d' $((ns / 1000000000)) $((ns / 10000000 % 100)); }
# the dump each state's other formats are compared with: the one drgn 0.0.22 reads natively
ref_of() { case $1 in vmcore-live.*) echo vmcore-live.paging.elf;; vmcore-panic.*) echo vmcore-panic.paging.elf;;
	vmcore-kdump.*) echo vmcore-kdump.elf;; esac; }
T0=$(now)
{
	echo "# $PY -m drgn (drgn $DRGN_VERSION) ${SYMARGS[*]}"
	echo "# file bytes cli_exit cli_last_line compared_with result"
} >"$NEW/formats.tsv"
: >"$NEW/timing.txt"
# references first, so every other format can be compared with its state's reference
ORDER=($(for f in "${FILES[@]}"; do [ "$(ref_of "$f")" = "$f" ] && echo "$f"; done)
	$(for f in "${FILES[@]}"; do [ "$(ref_of "$f")" != "$f" ] && echo "$f"; done))
for f in "${ORDER[@]}"; do
	t=$(now)
	$PY "$HERE/oracle.py" "$DUMPS/$f" "$NEW/$f" "$VMLINUX" "${MODS[@]}" >>"$NEW/timing.txt" 2>"$NEW/.stderr" \
		|| { cat "$NEW/.stderr" >&2; echo "oracle.py failed on $f" >&2; exit 1; }
	echo "$f: oracle.py wall $(secs "$t") s" >>"$NEW/timing.txt"
	$PY "$HERE/oracle_helpers.py" "$DUMPS/$f" "$NEW/$f.helpers.txt" "$VMLINUX" "${MODS[@]}" || echo "oracle_helpers.py failed on $f" >&2
	$PY "$HERE/oracle_modules.py" "$DUMPS/$f" "$NEW/$f" "$VMLINUX" "${MODS[@]}" || echo "oracle_modules.py failed on $f" >&2
	t=$(now)
	set +e
	$PY -m drgn -q -c "$DUMPS/$f" "${SYMARGS[@]}" "$NEW/.cli-check.py" >"$NEW/.cli" 2>&1
	rc=$?
	set -e
	echo "$f: drgn CLI (open + one read) wall $(secs "$t") s" >>"$NEW/timing.txt"
	ref=$(ref_of "$f")
	if [ "$ref" = "$f" ]; then
		result=reference
	elif grep -q '^open\.set_core_dump	ERROR' "$NEW/$f.facts.tsv"; then
		result="cannot open"
	elif cmp -s <(grep -v '^open\.' "$NEW/$f.facts.tsv") <(grep -v '^open\.' "$NEW/$ref.facts.tsv") \
		&& cmp -s "$NEW/$f.traces.tsv" "$NEW/$ref.traces.tsv"; then
		result=same
	else
		result="different: $(diff <(grep -v '^open\.' "$NEW/$ref.facts.tsv") <(grep -v '^open\.' "$NEW/$f.facts.tsv") \
			| grep -c '^[<>]' || true) facts lines, $(diff "$NEW/$ref.traces.tsv" "$NEW/$f.traces.tsv" | grep -c '^[<>]' || true) trace lines"
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$f" "$(stat -c %s "$DUMPS/$f")" "$rc" "$(tail -n 1 "$NEW/.cli")" "$ref" "$result" >>"$NEW/formats.tsv"
	echo "$f: cli rc=$rc, $result" >&2
done
echo "total $(secs "$T0") s" >>"$NEW/timing.txt"
rm -f "$NEW/.cli" "$NEW/.stderr"
echo "$KEY" >"$NEW/.stamp"
rm -rf "$OUT" && mv "$NEW" "$OUT"
cut -f1,3- "$OUT/formats.tsv" | grep -v '^#' >&2
echo "oracle written to $OUT in $(secs "$T0") s" >&2
