#!/bin/bash
# make-oracle.sh - run drgn 0.0.22 (Debian python3-drgn) and gdb on every core
# listed in MANIFEST.tsv and store their output under oracle/:
#   <core>.drgn.txt     oracle/drgn_oracle.py, drgn with default symbols
#                       (libc6-dbg visible); stderr appended, sorted
#   <core>.gdb.txt      gdb -batch 'thread apply all bt full' and a few prints
#   <core>.basics.tsv   oracle/basics.py: "key<TAB>value" program-level facts
#   errors.txt          drgn's messages for missing executables, non-core,
#                       empty and truncated files (command, exit code, output)
# Works from the committed artifacts alone: raw cores are unpacked from
# cores/*.core.zst when missing or stale, and /tmp/testcores-run (the path the
# cores recorded; drgn 0.0.22 finds PIE executables only there, its -s loads a
# file unrelocated) is recreated from bin/*/*.zst.  Needs root for unshare.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/testcores-run
ERRDIR=/tmp/testcores-errors    # fixed: the paths appear in drgn's messages
DRGN=(/usr/bin/python3 -m drgn)
ORACLE=$ROOT/oracle
CORES=$ROOT/cores

sha() { sha256sum "$1" | cut -d' ' -f1; }

# ---- 1. run tree from the committed binaries --------------------------------
for z in "$ROOT"/bin/*/*.zst; do
	v=$(basename "$(dirname "$z")"); p=$(basename "$z" .zst)
	mkdir -p "$RUN/$v"
	zstd -d -q -c "$z" >"$RUN/$v/.$p.new"
	if cmp -s "$RUN/$v/.$p.new" "$RUN/$v/$p"; then
		rm "$RUN/$v/.$p.new"
	else
		chmod 755 "$RUN/$v/.$p.new" && mv "$RUN/$v/.$p.new" "$RUN/$v/$p"
	fi
	# older than any core, so gdb does not warn "exec file is newer than core"
	touch -d @946684800 "$RUN/$v/$p"
done

# ---- 2. raw cores (checked against the manifest) ---------------------------
NAMES=()
while IFS=$'\t' read -r name _ _ _ core_sha _; do
	case $name in '#'* | core) continue ;; esac
	c=$CORES/$name.core
	if [ ! -f "$c" ] || [ "$(sha "$c")" != "$core_sha" ]; then
		zstd -d -q -f "$c.zst" -o "$c"
	fi
	[ "$(sha "$c")" = "$core_sha" ] || { echo "sha256 mismatch: $c"; exit 1; }
	NAMES+=("$name")
done <"$ROOT/MANIFEST.tsv"

# ---- 3. per-core oracles ---------------------------------------------------
drgn_to() {   # out-file drgn-args... : stdout, then sorted stderr (drgn prints
	local out=$1; shift   # warnings in varying order)
	"${DRGN[@]}" "$@" >"$out" 2>"$out.err" || echo "drgn rc=$?" >>"$out.err"
	if [ -s "$out.err" ]; then
		{ echo; echo "======== stderr (sorted: drgn prints warnings in varying order) ========"
		  sort "$out.err"; } >>"$out"
	fi
	rm -f "$out.err"
}

for name in "${NAMES[@]}"; do
	b=${name%.*}; p=${b%%_*}; v=${b#*_}
	core=$CORES/$name.core exe=$RUN/$v/$p out=$ORACLE/$name
	echo "== $name"
	drgn_to "$out.drgn.txt" -c "$core" "$ORACLE/drgn_oracle.py"
	"${DRGN[@]}" -c "$core" "$ORACLE/basics.py" >"$out.basics.tsv" 2>"$out.err" ||
		{ echo "basics.py failed on $name"; cat "$out.err"; exit 1; }
	[ ! -s "$out.err" ] || { echo "basics.py wrote to stderr on $name:"; cat "$out.err"; }
	rm -f "$out.err"
	case $p in
	types) extra=(-ex 'print g_rect' -ex 'print g_names' -ex 'print g_flags'
		      -ex 'print *g_blob' -ex 'print t_depth' -ex 'print t_pt'
		      -ex 'print g_items' -ex 'print sizeof(struct item)') ;;
	threads) extra=(-ex 'thread apply all print t_idx'
			-ex 'print g_workers[0].name' -ex 'print g_lock') ;;
	esac
	gdb -nx -q -batch -ex 'set debuginfod enabled off' -ex 'set pagination off' \
		-ex 'info threads' -ex 'thread apply all bt full' \
		-ex 'info sharedlibrary' "${extra[@]}" "$exe" "$core" 2>&1 |
		sed 's/jmp_buf = {[^}]*}/jmp_buf = {<masked>}/' >"$out.gdb.txt" || true
done

# ---- 4. drgn's messages for bad input --------------------------------------
# Each case: the command (run in $ERRDIR), its exit code, stdout and stderr.
rm -rf "$ERRDIR" && mkdir -p "$ERRDIR/empty-dir" "$ERRDIR/elsewhere"
SRC=threads_O0-dw5-pie.segv                 # a kernel-written PIE core
cp "$CORES/$SRC.core" "$ERRDIR/segv.core"
: >"$ERRDIR/empty.core"
echo 'not an ELF file' >"$ERRDIR/text.core"
head -c 64 "$ERRDIR/segv.core" >"$ERRDIR/trunc-64.core"          # ELF header only
head -c 4096 "$ERRDIR/segv.core" >"$ERRDIR/trunc-4096.core"      # notes cut
head -c 400000 "$ERRDIR/segv.core" >"$ERRDIR/trunc-400000.core"  # PT_LOAD data cut
cp "$RUN/O0-dw5-pie/threads" "$ERRDIR/elsewhere/"
cat >"$ERRDIR/probe.py" <<'PY'
# print threads, two traces, symbols, a variable and reads; errors as text
def show(label, fn):
    try:
        s = str(fn())
    except Exception as e:
        s = f'ERROR {type(e).__name__}: {e}'
    print(f'{label}:' + ('\n' if '\n' in s else ' ') + s)
show('tids', lambda: sorted(t.tid for t in prog.threads()))
show('crashed trace', lambda: prog.crashed_thread().stack_trace())
show('main trace', lambda: prog.main_thread().stack_trace())
for name in ('g_workers', 'main'):
    show(f'symbol {name}', lambda: prog.symbol(name))
show("prog['g_mode']", lambda: prog['g_mode'])
for a in (0x555555558278, 0x7ffff7db8a70, 0x7ffff7db9000, 0x7fffffffeb60):
    show(f'read {a:#x}', lambda: prog.read(a, 32).hex())
PY
# hide the run tree: an empty directory bind-mounted over it, private mount ns
HIDE_RUN=(unshare --mount /bin/sh -c 'mount --bind empty-dir "$0" && exec "$@"' "$RUN")
case_() {     # title, shown command, command...
	local title=$1 shown=$2 o e rc=0; shift 2
	o=$(cd "$ERRDIR" && "$@" 2>"$ERRDIR/stderr") || rc=$?
	e=$(cat "$ERRDIR/stderr")
	printf '######## %s\n$ %s\nexit code: %s\n--- stdout\n%s\n--- stderr\n%s\n\n' \
		"$title" "$shown" "$rc" "$o" "$e"
}
drgn_case() { # title, drgn args...
	local title=$1; shift
	case_ "$title" "drgn $*" "${DRGN[@]}" "$@"
}
{
	echo "# drgn $(/usr/bin/python3 -c 'import drgn; print(drgn.__version__)') (run as /usr/bin/python3 -m drgn): messages for bad input"
	echo "# made by make-oracle.sh in $ERRDIR; segv.core = cores/$SRC.core"
	echo
	drgn_case 'reference: the intact core' -c segv.core probe.py
	case_ 'executable absent (run tree hidden by an empty bind mount)' \
		"(run tree hidden) drgn -c segv.core probe.py" \
		"${HIDE_RUN[@]}" "${DRGN[@]}" -c segv.core probe.py
	case_ 'executable absent, given with -s from another path (PIE: loaded unrelocated)' \
		"(run tree hidden) drgn -c segv.core -s elsewhere/threads probe.py" \
		"${HIDE_RUN[@]}" "${DRGN[@]}" -c segv.core -s elsewhere/threads probe.py
	drgn_case 'core file does not exist' -c missing.core probe.py
	drgn_case 'core is a directory' -c elsewhere probe.py
	drgn_case 'empty file' -c empty.core probe.py
	drgn_case 'text file' -c text.core probe.py
	drgn_case 'non-core ELF (the executable)' -c elsewhere/threads probe.py
	drgn_case 'truncated to 64 bytes (ELF header only)' -c trunc-64.core probe.py
	drgn_case 'truncated to 4096 bytes (program headers whole, notes cut)' \
		-c trunc-4096.core probe.py
	drgn_case 'truncated to 400000 bytes (PT_LOAD data cut)' -c trunc-400000.core probe.py
} >"$ORACLE/errors.txt"
rm -f "$ERRDIR/stderr"
echo "oracle written to $ORACLE"
