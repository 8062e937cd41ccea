#!/usr/bin/env bash
# DWARF index build, cache write/load and memory (IndexBench) next to drgn 0.0.22's
# load_debug_info on the same debug file (default: the kernel vmlinux from testcores/kernel).
#   src/bench/index-vs-drgn.sh [DEBUG_FILE]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
file=${1:-$(sed -n 's/^vmlinux=//p' "$HOME/.cache/jdrgn/kernel/kernel.properties" 2>/dev/null)}
[ -n "$file" ] && [ -f "$file" ] || { echo "no debug file (run testcores/kernel/make-kernel-cores.sh or pass one)"; exit 1; }
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow"
cache=$(mktemp -d); trap 'rm -rf "$cache"' EXIT
(cd "$here" && mvn -q -o -B -Djdrgn.build.dir=/tmp/jdrgn-bench test-compile >/dev/null)
cp="/tmp/jdrgn-bench/classes:/tmp/jdrgn-bench/test-classes:$(cd "$here" && mvn -q -o -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
echo "== jdrgn IndexBench (build, cache write; then a fresh JVM loading the cache)"
/usr/bin/time -f "jdrgn build process: %e s wall, %M KB max RSS" \
	"$JAVA_HOME/bin/java" -cp "$cp" org.jdrgn.index.IndexBench --repeat 3 --cache-dir "$cache" "$file"
/usr/bin/time -f "jdrgn cached process: %e s wall, %M KB max RSS" \
	"$JAVA_HOME/bin/java" -cp "$cp" org.jdrgn.index.IndexBench --load-only --cache-dir "$cache" "$file"
echo "== drgn 0.0.22 load_debug_info"
/usr/bin/time -f "drgn process: %e s wall, %M KB max RSS" /usr/bin/python3 -c '
import drgn, sys, time
p = drgn.Program(drgn.host_platform)
t = time.perf_counter(); p.load_debug_info([sys.argv[1]]); print(f"drgn load_debug_info {time.perf_counter() - t:.3f} s")' "$file"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
