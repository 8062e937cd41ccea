#!/bin/bash
# make-testcores.sh - build the test programs in several variants, produce
# userspace ELF core dumps from them and write the commit-ready artifacts:
#   bin/<variant>/<prog>.zst      zstd -19 of each built binary
#   cores/<core>.core.zst         zstd -19 of each core
#   MANIFEST.tsv                  sizes + sha256 of the raw files, libc build-id
# Raw outputs (build/, cores/*.core) are git-ignored.  Regenerating is a
# deliberate act: core bytes differ run to run (canary, AT_RANDOM, note order),
# so review the oracle diff (make-oracle.sh) before committing new cores.
#
# Core kinds:
#   *.gcore.core        gdb `gcore` of a live process stopped at tc_checkpoint()
#   *.segv.core / *.abort.core   written by the kernel when the process crashes
#   *-filter3f.core     coredump_filter 0x3f: file-backed pages too
# Determinism: ASLR off (gdb's default / setarch -R), fresh PID namespace
# (unshare) so PIDs/TIDs are the same each run, empty fixed environment, fixed
# run directory, -ffile-prefix-map so DWARF paths do not depend on checkout.
# Needs root (unshare, core_pattern), gcc, gdb, libc6-dbg, zstd.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")" && pwd)
SRC=$ROOT/src
BUILD=$ROOT/build
LOGS=$BUILD/logs
CORES=$ROOT/cores
BIN=$ROOT/bin
RUN=/tmp/testcores-run          # fixed path: argv[0]/AT_EXECFN land on the stack
CC=${CC:-gcc}
ENV=(env -i PATH=/usr/bin:/bin LC_ALL=C)
# Keep the 0x3f cores only while everything committed stays under this size.
MAX_COMMITTED_BYTES=${MAX_COMMITTED_BYTES:-6000000}

COMMON="-g -Wall -pthread -ffile-prefix-map=$ROOT=/testcores"
declare -A VARIANTS=(
	[O0-dw5-pie]="-O0 -gdwarf-5 -fpie -pie"
	[O2-dw5-pie]="-O2 -gdwarf-5 -fpie -pie"
	[O0-dw4-nopie]="-O0 -gdwarf-4 -fno-pie -no-pie"
	[O2-dw4-nopie]="-O2 -gdwarf-4 -fno-pie -no-pie"
	[O0-dw5-static]="-O0 -gdwarf-5 -static"
)
# kernel-written crash cores: program:variant:mode[:coredump_filter]
# (default filter 0x33: anon + ELF header pages; 0x3f adds file-backed
#  mappings, so .rodata/.text are in the core)
CRASHES=(
	threads:O0-dw5-pie:segv
	threads:O0-dw5-pie:segv:0x3f
	threads:O2-dw5-pie:segv
	threads:O0-dw5-static:segv
	threads:O0-dw5-pie:abort
	threads:O2-dw4-nopie:abort
	types:O0-dw4-nopie:segv
)

rm -rf "$BUILD" "$CORES" "$BIN" "$RUN"
mkdir -p "$BUILD" "$LOGS" "$CORES" "$BIN" "$RUN"

# ---- 1. build --------------------------------------------------------------
for v in "${!VARIANTS[@]}"; do
	mkdir -p "$BUILD/$v"
	for p in types threads; do
		# shellcheck disable=SC2086
		(cd "$SRC" && $CC $COMMON ${VARIANTS[$v]} -o "$BUILD/$v/$p" $p.c)
	done
done

# ---- 2a. gcore at a checkpoint ---------------------------------------------
gcore_at_checkpoint() {   # prog variant [coredump_filter]
	local p=$1 v=$2 f=${3:-0x33}
	local exe=$RUN/$v/$p name=$1_$2.gcore
	[ "$f" = 0x33 ] || name=$1_$2.gcore-filter${f#0x}
	local out=$CORES/$name.core log=$LOGS/$name.log
	# gdb honours the inferior's /proc/PID/coredump_filter (inherited)
	(cd "$RUN/$v" && echo "$f" >/proc/self/coredump_filter &&
	 "${ENV[@]}" unshare --pid --fork --mount-proc \
		gdb -nx -q -batch \
		-ex 'set debuginfod enabled off' -ex 'set startup-with-shell off' \
		-ex 'set disable-randomization on' \
		-ex 'unset environment LINES' -ex 'unset environment COLUMNS' \
		-ex 'break tc_checkpoint' -ex 'run' -ex "gcore $out" -ex 'kill' \
		--args "$exe" >"$log" 2>&1)
	test -s "$out" || { echo "gcore failed: $out"; cat "$log"; exit 1; }
}

# ---- 2b. kernel core from a crash ------------------------------------------
ORIG_PATTERN=$(cat /proc/sys/kernel/core_pattern)
ORIG_USES_PID=$(cat /proc/sys/kernel/core_uses_pid)
restore() {
	[ "$(cat /proc/sys/kernel/core_pattern)" = "$ORIG_PATTERN" ] ||
		echo "$ORIG_PATTERN" >/proc/sys/kernel/core_pattern
	[ "$(cat /proc/sys/kernel/core_uses_pid)" = "$ORIG_USES_PID" ] ||
		echo "$ORIG_USES_PID" >/proc/sys/kernel/core_uses_pid
}
trap restore EXIT
if [ "$ORIG_PATTERN" != core ] || [ "$ORIG_USES_PID" != 0 ]; then
	echo core >/proc/sys/kernel/core_pattern   # plain file "core" in cwd
	echo 0 >/proc/sys/kernel/core_uses_pid
fi

kernel_crash() {          # prog variant mode [coredump_filter]
	local p=$1 v=$2 m=$3 f=${4:-0x33}
	local name=$1_$2.$3
	[ "$f" = 0x33 ] || name=$1_$2.$3-filter${f#0x}
	local out=$CORES/$name.core log=$LOGS/$name.log
	local d=$RUN/crash-$p-$v-$m-$f   # cwd: the kernel writes ./core here
	mkdir -p "$d"
	# sh is PID 1 of the new namespace, the program PID 2 (PID 1 would
	# ignore its own SIGABRT).  Same executable path as for gcore.
	(cd "$d" && ulimit -c unlimited && echo "$f" >/proc/self/coredump_filter &&
	 "${ENV[@]}" unshare --pid --fork --mount-proc \
		setarch -R /bin/sh -c '"$@"; echo "exit status $?"' sh "$RUN/$v/$p" "$m" \
		>"$log" 2>&1) || true
	test -s "$d/core" || { echo "no kernel core: $out"; cat "$log"; exit 1; }
	mv "$d/core" "$out"
	rmdir "$d"
}

for v in "${!VARIANTS[@]}"; do
	mkdir -p "$RUN/$v"
	cp "$BUILD/$v/types" "$BUILD/$v/threads" "$RUN/$v/"
	for p in types threads; do gcore_at_checkpoint $p "$v"; done
done
gcore_at_checkpoint types O0-dw5-pie 0x3f
for c in "${CRASHES[@]}"; do
	IFS=: read -r p v m f <<<"$c"
	kernel_crash "$p" "$v" "$m" "$f"
done

# ---- 3. compress (the committed artifacts) ---------------------------------
for v in "${!VARIANTS[@]}"; do
	mkdir -p "$BIN/$v"
	for p in types threads; do zstd -19 -q -f "$BUILD/$v/$p" -o "$BIN/$v/$p.zst"; done
done
for f in "$CORES"/*.core; do zstd -19 -q -f "$f" -o "$f.zst"; done
total=$(cat "$BIN"/*/*.zst "$CORES"/*.zst | wc -c)
if [ "$total" -gt "$MAX_COMMITTED_BYTES" ]; then
	echo "total $total > $MAX_COMMITTED_BYTES bytes: dropping the *-filter3f cores"
	rm -f "$CORES"/*-filter3f.core.zst
fi

# ---- 4. manifest -----------------------------------------------------------
# Rows: one per committed core.  Lines starting with '#' are metadata.
sha() { sha256sum "$1" | cut -d' ' -f1; }
LIBC=/lib/x86_64-linux-gnu/libc.so.6
{
	printf '# libc6\t%s\n' "$(dpkg-query -W -f='${Version}' libc6:amd64)"
	printf '# libc.so.6 build-id\t%s\n' \
		"$(readelf -n "$LIBC" | sed -n 's/.*Build ID: //p')"
	printf '# gcc\t%s\n' "$($CC -dumpfullversion)"
	printf '# run dir\t%s\n' "$RUN"
	printf 'core\tbinary\tcore_size\tcore_zst_size\tcore_sha256\tbinary_size\tbinary_zst_size\tbinary_sha256\n'
	for z in "$CORES"/*.core.zst; do
		c=${z%.zst}; n=$(basename "$c" .core); b=${n%.*}; p=${b%%_*}; v=${b#*_}
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "bin/$v/$p.zst" \
			"$(stat -c %s "$c")" "$(stat -c %s "$z")" "$(sha "$c")" \
			"$(stat -c %s "$BUILD/$v/$p")" "$(stat -c %s "$BIN/$v/$p.zst")" \
			"$(sha "$BUILD/$v/$p")"
	done
} >"$ROOT/MANIFEST.tsv"
column -t -s $'\t' "$ROOT/MANIFEST.tsv"
echo "committed bytes: $(cat "$BIN"/*/*.zst "$CORES"/*.zst | wc -c)"
