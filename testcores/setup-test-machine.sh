#!/usr/bin/env bash
# What the test suite needs on this machine, made or checked before `./jdrgn --run-tests`:
# Debian packages (installed when run as root; otherwise listed, and the tests needing them
# skip), then the kernel dump material and its drgn oracle (~2 min the first time, cached in
# ${JDRGN_KERNEL_CACHE:-~/.cache/jdrgn/kernel}). Idempotent: a second run takes well under 1 s.
# Never fatal: a step that cannot be done here says why, and exactly the tests needing it skip.
set -uo pipefail
cd "$(dirname "$0")/.."

say() { echo "jdrgn tests: $*" >&2; }

# gcc/gdb/binutils/xz: tests compile probes and cross-check against readelf, objdump and gdb;
# libc6-dbg: libc's debug info for the test cores; python3-drgn: drgn 0.0.22 oracle checks;
# dwz: a multifile (.gnu_debugaltlink) build; maven: the build itself.
packages=(libc6-dbg zstd gdb binutils gcc xz-utils dwz python3-drgn maven)
need=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		say "installing Debian packages: ${need[*]}"
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; } ||
			say "could not install ${need[*]}: the tests that need them skip"
	else
		say "missing Debian packages (install as root: apt-get install ${need[*]}): the tests that need them skip"
	fi
fi

# Real kernel crash dumps (QEMU boots + a kdump capture) and what drgn 0.0.22 says about them.
if [ -n "${JDRGN_NO_KERNEL_DUMPS:-}" ]; then
	say "JDRGN_NO_KERNEL_DUMPS is set: kernel dump tests skip"
elif ! testcores/kernel/make-kernel-cores.sh --install-deps; then
	say "kernel dump material could not be made here (see above): kernel tests skip"
elif ! testcores/kernel/make-kernel-oracle.sh; then
	say "the drgn 0.0.22 oracle for the kernel dumps could not be made (see above): oracle tests skip"
fi
exit 0
