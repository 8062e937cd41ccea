# Sourced by the *-vs-drgn.sh benchmarks: a private resident server for the measured runs.
# Its socket is under the benchmark's temp dir, so a developer's own server is never touched.
#   resident_setup TMPDIR   -> exports JDRGN_RESIDENT_SOCKET; call resident_stop on exit
#   resident_memory         -> "peak_rss_kb rss_kb" of the server (from /proc)
resident_setup() {
	export JDRGN_RESIDENT_SOCKET=$1/resident.sock
}
resident_pid() { cat "$JDRGN_RESIDENT_SOCKET.pid" 2>/dev/null || true; }
resident_memory() {
	local pid; pid=$(resident_pid)
	[ -n "$pid" ] && awk '/^VmHWM/ {h=$2} /^VmRSS/ {r=$2} END {print h, r}' "/proc/$pid/status" 2>/dev/null || echo "- -"
}
resident_stop() {
	[ -n "${JDRGN_RESIDENT_SOCKET:-}" ] || return 0
	local pid; pid=$(resident_pid)
	"$here/jdrgn" --resident-stop >/dev/null 2>&1 || true
	# Still there (e.g. mid-start)? It is ours: its pid file is under our temp dir.
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then sleep 1; kill "$pid" 2>/dev/null || true; fi
}
