#!/bin/bash
# make-kernel-cores.sh - real Linux kernel crash dumps (+ the matching DWARF vmlinux)
# for jdrgn's kernel tests, made from Debian's own packages and nothing else.
#
# Debian packages needed (KERNEL_APT_PACKAGES; --install-deps installs them as root):
#   qemu-system-x86 busybox-static cpio makedumpfile gcc libc6-dev
# Network: only `apt-get download` of linux-image-$KVER and linux-image-$KVER-dbg.
#
# Everything goes to $JDRGN_KERNEL_CACHE (default ~/.cache/jdrgn/kernel):
#   debs/                  the two .deb files (26 MB + 281 MB)
#   root/                  the image package whole (boot/vmlinuz-$KVER, lib/modules/$KVER) and from
#                          -dbg: usr/lib/debug/boot/vmlinux-$KVER (DWARF 5, ~587 MB), System.map,
#                          vdso, and usr/lib/debug/lib/modules/$KVER/kernel/<the 4 loaded modules>
#   build/                 initramfs.cpio.gz (busybox, src/init + objects.sh + record.sh, 4 modules,
#                          kexec_crash, kobjs, krecord, the kernel and capture.cpio.gz for the crash kernel)
#   dumps/vmcore-live.*    running kernel, VM stopped, QEMU dump-guest-memory
#   dumps/vmcore-panic.*   sysrq-c panic on CPU 0, VM paused by pvpanic
#       .elf          ELF, paging=false (physical addresses only, p_vaddr = 0)
#       .paging.elf   ELF, paging=true (PT_LOADs carry virtual addresses)
#       .flat         QEMU "kdump-zlib" = makedumpfile's *flattened* format
#       .unflat.kdump the .flat rearranged by `makedumpfile -R` (diskdump, zlib, QEMU's header)
#       .kdump        makedumpfile -c -d 31 of the .elf (diskdump, zlib)
#   dumps/vmcore-kdump.elf    real kdump: sysrq-c on CPU 1 with a crash kernel loaded
#                             (kexec_file_load); /proc/vmcore saved by the capture kernel
#   dumps/vmcore-kdump.kdump  makedumpfile -c -d 31 of it
#   dumps/console-{live,panic,kdump}.log   serial console of each boot
#   dumps/guest-{live,panic,kdump}/        the guest's own view before the crash (/proc files,
#                          per test process status/maps/fds, tasks, cgroups), written by
#                          src/record.sh onto the facts disk's 2nd partition (README.md)
#   kernel.properties      kver, package version, paths (read by make-kernel-oracle.sh and
#                          org.jdrgn.testcores.KernelCores); written last, so its presence
#                          means the material is complete
# Idempotent: every step is skipped when its inputs (hashed) are unchanged; FORCE=1 redoes
# the boots.  KVER=... picks another kernel ABI; ACCEL=kvm tries KVM (TCG by default).
set -euo pipefail
KERNEL_APT_PACKAGES="qemu-system-x86 busybox-static cpio makedumpfile gcc libc6-dev"
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${JDRGN_KERNEL_CACHE:-$HOME/.cache/jdrgn/kernel}
PIN_KVER=6.1.0-47-cloud-amd64          # the ABI the README's numbers were taken with
MEM=${MEM:-256M}
KDUMP_MEM=${KDUMP_MEM:-512M}
SMP=${SMP:-2}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-300}
PY=/usr/bin/python3
T_START=$(date +%s%N)

log() { echo "[$(date +%T) +$(elapsed $T_START)s] $*" >&2; }
elapsed() { local ns=$(( $(date +%s%N) - $1 )); printf '%d.%02d' $((ns / 1000000000)) $((ns / 10000000 % 100)); }
die() { log "ERROR: $*"; exit 1; }
sha_of() { cat "$@" | sha256sum | cut -c1-16; }

if [ "${1:-}" = --install-deps ]; then
	need=()
	for p in $KERNEL_APT_PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
	done
	if [ ${#need[@]} -gt 0 ]; then
		log "installing ${need[*]}"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
	fi
	shift
fi
for tool in qemu-system-x86_64 cpio makedumpfile gcc dpkg-deb apt-get; do
	command -v "$tool" >/dev/null || die "$tool missing; apt-get install $KERNEL_APT_PACKAGES (or run with --install-deps)"
done
# the initramfs has no libc: its busybox must be the static one
{ [ -x /bin/busybox ] && ! LC_ALL=C readelf -l /bin/busybox | grep -q INTERP; } \
	|| die "/bin/busybox missing or dynamically linked: apt-get install busybox-static"

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9 || die "cannot lock $CACHE/.lock"   # one maker at a time (CI and a developer)

# ---- 0. which kernel -------------------------------------------------------------------
# Debian drops an ABI from the archive some point releases later: keep the pinned one while
# apt still knows it, else take the current cloud kernel (tests read everything from the
# oracle and kernel.properties, never from this script's constants).
apt_has() { apt-cache show "$1" >/dev/null 2>&1; }
if [ -z "${KVER:-}" ]; then
	if [ -f "$CACHE/kernel.properties" ]; then
		KVER=$(sed -n 's/^kver=//p' "$CACHE/kernel.properties")
	elif apt_has "linux-image-$PIN_KVER-dbg" || ls "$CACHE"/debs/linux-image-"$PIN_KVER"-dbg_*.deb >/dev/null 2>&1; then
		KVER=$PIN_KVER
	else
		[ "$(id -u)" = 0 ] && apt-get update -qq
		if apt_has "linux-image-$PIN_KVER-dbg"; then KVER=$PIN_KVER; else
			KVER=$(apt-cache depends linux-image-cloud-amd64 | sed -n 's/.*Depends: linux-image-\(.*-cloud-amd64\)$/\1/p' | head -1)
			[ -n "$KVER" ] || die "no cloud kernel known to apt"
			log "pinned $PIN_KVER is gone from apt; using $KVER"
		fi
	fi
fi
DEBS=$CACHE/debs ROOT=$CACHE/root BUILD=$CACHE/build DUMPS=$CACHE/dumps RUN=$CACHE/run
VMLINUZ=$ROOT/boot/vmlinuz-$KVER
VMLINUX=$ROOT/usr/lib/debug/boot/vmlinux-$KVER
MODDIR=$ROOT/lib/modules/$KVER/kernel
DBGMODDIR=$ROOT/usr/lib/debug/lib/modules/$KVER/kernel
# every module the guest loads: its .ko goes into the initramfs, its debug file into root/
MODULES="drivers/firmware/qemu_fw_cfg.ko drivers/misc/pvpanic/pvpanic.ko drivers/misc/pvpanic/pvpanic-mmio.ko
	drivers/block/loop.ko"
rm -f "$CACHE/kernel.properties.new"
# Called before any step that changes the cache: a half-made cache must not look complete.
invalidate() { rm -f "$CACHE/kernel.properties"; }

# ---- 1. download + extract (never installed into the system) ---------------------------
mkdir -p "$DEBS" "$RUN"
deb() { ls "$DEBS"/linux-image-"$1"_*.deb 2>/dev/null | head -1; }
if [ -z "$(deb "$KVER")" ] || [ -z "$(deb "$KVER-dbg")" ]; then
	invalidate
	log "downloading linux-image-$KVER and linux-image-$KVER-dbg"
	rm -rf "$RUN/dl" && mkdir -p "$RUN/dl"
	if ! (cd "$RUN/dl" && apt-get download -q "linux-image-$KVER" "linux-image-$KVER-dbg") >"$RUN/dl.log" 2>&1; then
		[ "$(id -u)" = 0 ] || { cat "$RUN/dl.log"; die "apt-get download failed (run apt-get update?)"; }
		log "apt-get download failed; apt-get update and retry"
		apt-get update -qq
		(cd "$RUN/dl" && apt-get download -q "linux-image-$KVER" "linux-image-$KVER-dbg") >"$RUN/dl.log" 2>&1 \
			|| { cat "$RUN/dl.log"; die "apt-get download failed"; }
	fi
	mv "$RUN"/dl/*.deb "$DEBS"/ && rm -rf "$RUN/dl"
	log "downloaded: $(cd "$DEBS" && du -sh -- *.deb | tr '\n\t' '  ')"
fi
DEB_IMAGE=$(deb "$KVER") DEB_DBG=$(deb "$KVER-dbg")
PKG_VERSION=$(dpkg-deb -f "$DEB_IMAGE" Version)
# The image (kernel + modules, 26 MB) is needed to boot; the -dbg package (xz, ~25 s to
# unpack) only by the oracle, so it is unpacked in the background while the guests run, and
# only what the dumps need: vmlinux, System.map, vdso, the loaded modules' debug files
# (all of it would be 1.8 GB; this is 0.6 GB).
if [ "$(cat "$ROOT/.stamp-image" 2>/dev/null)" != "$(basename "$DEB_IMAGE")" ] || [ ! -f "$VMLINUZ" ]; then
	invalidate
	log "extracting $(basename "$DEB_IMAGE")"
	rm -rf "$ROOT" && mkdir -p "$ROOT"
	dpkg-deb -x "$DEB_IMAGE" "$ROOT"
	basename "$DEB_IMAGE" >"$ROOT/.stamp-image"
fi
DBG_PID=
DBG_STAMP="$(basename "$DEB_DBG") $(echo $MODULES)"   # a new module needs its debug file too
if [ "$(cat "$ROOT/.stamp-dbg" 2>/dev/null)" != "$DBG_STAMP" ] || [ ! -f "$VMLINUX" ]; then
	invalidate
	log "extracting $(basename "$DEB_DBG") in the background"
	rm -f "$ROOT/.stamp-dbg"
	dbg_members=(./usr/lib/debug/boot/'*' ./usr/lib/debug/vmlinux-'*' ./usr/lib/debug/lib/modules/'*'/vmlinux
		./usr/lib/debug/lib/modules/'*'/vdso/'*' ./usr/lib/debug/.build-id/'*')
	for m in $MODULES; do dbg_members+=("./usr/lib/debug/lib/modules/*/kernel/$m"); done
	( dpkg-deb --fsys-tarfile "$DEB_DBG" | tar -x -C "$ROOT" --wildcards "${dbg_members[@]}" \
		&& echo "$DBG_STAMP" >"$ROOT/.stamp-dbg" ) >"$RUN/dbg-extract.log" 2>&1 &
	DBG_PID=$!
fi
wait_dbg() {
	[ -n "$DBG_PID" ] || return 0
	wait "$DBG_PID" || { cat "$RUN/dbg-extract.log" >&2; die "extracting $DEB_DBG failed"; }
	DBG_PID=
	[ -f "$VMLINUX" ] || die "no $VMLINUX in $DEB_DBG"
	for m in $MODULES; do [ -f "$DBGMODDIR/$m" ] || die "no debug file $m in $DEB_DBG"; done
	log "extracted $(basename "$DEB_DBG"): vmlinux $(stat -c %s "$VMLINUX") bytes"
}

# ---- 2. initramfs -----------------------------------------------------------------------
# initramfs.cpio.gz: busybox + /init (+ /lib/kcore-{objects,record}.sh) + the modules +
# kexec_crash + kobjs + krecord + the kernel + capture.cpio.gz (the same minus kernel and
# the C helpers) for the kdump capture kernel.
# SOURCES_KEY: this script and every file of src/ (KernelCores recomputes it: material made by
# another version of them is stale).
SOURCES_KEY=$(cd "$HERE" && sha_of make-kernel-cores.sh $(LC_ALL=C ls -d src/* | grep -v '/__pycache__$'))
INITRD=$BUILD/initramfs.cpio.gz
INITRD_KEY=$(sha_of <(echo "$SOURCES_KEY") /bin/busybox "$VMLINUZ" \
	$(for m in $MODULES; do echo "$MODDIR/$m"; done))
if [ "$(cat "$BUILD/.stamp" 2>/dev/null)" != "$INITRD_KEY" ] || [ ! -s "$INITRD" ]; then
	invalidate
	log "building initramfs"
	rm -rf "$BUILD" && mkdir -p "$BUILD"/initramfs/{bin,dev,proc,sys,tmp,boot,lib/modules}
	cp /bin/busybox "$BUILD/initramfs/bin/busybox"
	cp "$HERE/src/init" "$BUILD/initramfs/init" && chmod 755 "$BUILD/initramfs/init"
	cp "$HERE/src/objects.sh" "$BUILD/initramfs/lib/kcore-objects.sh"
	cp "$HERE/src/record.sh" "$BUILD/initramfs/lib/kcore-record.sh"
	for m in $MODULES; do cp "$MODDIR/$m" "$BUILD/initramfs/lib/modules/"; done
	mkcpio() { (cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -9 -n); }
	mkcpio "$BUILD/initramfs" >"$BUILD/capture.cpio.gz"
	gcc -static -Os -o "$BUILD/initramfs/bin/kexec_crash" "$HERE/src/kexec_crash.c"
	gcc -static -Os -pthread -o "$BUILD/initramfs/bin/kobjs" "$HERE/src/kobjs.c"
	gcc -static -Os -o "$BUILD/initramfs/bin/krecord" "$HERE/src/krecord.c"
	cp "$VMLINUZ" "$BUILD/initramfs/boot/vmlinuz"
	cp "$BUILD/capture.cpio.gz" "$BUILD/initramfs/boot/capture.cpio.gz"
	mkcpio "$BUILD/initramfs" >"$INITRD.tmp" && mv "$INITRD.tmp" "$INITRD"
	echo "$INITRD_KEY" >"$BUILD/.stamp"
fi

# ---- 3. boots ---------------------------------------------------------------------------
mkdir -p "$DUMPS"
# A mode's dumps are complete and current only when its stamp names these inputs.
BOOT_KEY=$(sha_of "$INITRD" <(echo "$SOURCES_KEY $MEM $KDUMP_MEM $SMP ${ACCEL:-tcg} $(qemu-system-x86_64 --version | head -1)"))
mode_done() { [ -z "${FORCE:-}" ] && [ "$(cat "$DUMPS/.stamp-$1" 2>/dev/null)" = "$BOOT_KEY" ] && [ -f "$DUMPS/guest-$1/done" ]; }
QPID=
cleanup() {
	if [ -n "$QPID" ] && kill -0 "$QPID" 2>/dev/null; then kill "$QPID"; fi
	if [ -n "${DBG_PID:-}" ]; then kill "$DBG_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
qmp() { $PY "$HERE/src/qmp.py" "$RUN/qmp-$MODE.sock" "$@"; }
wait_for() {  # wait_for SECONDS CMD... ; polls every 0.2 s while QEMU lives
	local end=$((SECONDS + $1)); shift
	until "$@"; do
		[ $SECONDS -ge $end ] && return 1
		kill -0 "$QPID" 2>/dev/null || { log "qemu $QPID died"; return 1; }
		sleep 0.2
	done
}
status_is() { qmp '{"execute":"query-status"}' 2>/dev/null | grep -q "\"status\": \"$1\""; }
stop_qemu() {
	kill "$QPID" 2>/dev/null || true
	local end=$((SECONDS + 30))
	while kill -0 "$QPID" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 0.2; done
	kill -0 "$QPID" 2>/dev/null && kill -9 "$QPID"
	QPID=
}
start_qemu() {  # start_qemu MEM APPEND EXTRA-ARGS...
	local mem=$1 append=$2; shift 2
	rm -f "$RUN/qmp-$MODE.sock" "$RUN/qemu-$MODE.pid" "$DUMPS/console-$MODE.log"
	rm -rf "$DUMPS/guest-$MODE"
	# the facts disk (NVMe serial kfacts): p1 holds an ext2 the guest mounts, p2 its records
	read -r FACTS_P2_MIB FACTS_P2_SIZE_MIB < <($PY "$HERE/src/make-facts-disk.py" "$RUN/facts-$MODE.raw")
	set -- "$@" -drive "file=$RUN/facts-$MODE.raw,if=none,id=facts,format=raw" -device nvme,serial=kfacts,drive=facts
	# TCG by default: where /dev/kvm is nested (as here) a KVM guest hangs after the
	# decompressor.
	qemu-system-x86_64 -accel "${ACCEL:-tcg}" -m "$mem" -smp "$SMP" \
		-kernel "$VMLINUZ" -initrd "$INITRD" -append "console=ttyS0 panic=-1 loglevel=7 $append" \
		-device vmcoreinfo -display none -serial "file:$DUMPS/console-$MODE.log" -monitor none \
		-qmp "unix:$RUN/qmp-$MODE.sock,server=on,wait=off" -pidfile "$RUN/qemu-$MODE.pid" -daemonize "$@"
	QPID=$(cat "$RUN/qemu-$MODE.pid")
	log "$MODE: qemu pid $QPID"
	wait_for "$BOOT_TIMEOUT" grep -q KCORE-READY "$DUMPS/console-$MODE.log" \
		|| { tail -20 "$DUMPS/console-$MODE.log" >&2; die "$MODE: no KCORE-READY marker"; }
	log "$MODE: guest ready after $(elapsed "$T0") s"
}
# The guest's records: the tar that src/record.sh wrote raw on partition 2 (where
# src/make-facts-disk.py put it), whole only if its "done" file names the mode.
save_guest_facts() {
	local out=$DUMPS/guest-$MODE
	rm -rf "$out" "$out.new" && mkdir -p "$out.new"
	dd if="$RUN/facts-$MODE.raw" of="$RUN/facts-$MODE.tar" bs=1M skip="$FACTS_P2_MIB" count="$FACTS_P2_SIZE_MIB" status=none
	tar -x --no-same-owner -f "$RUN/facts-$MODE.tar" -C "$out.new" 2>"$RUN/facts-tar.log" \
		|| { cat "$RUN/facts-tar.log" >&2; die "$MODE: no guest records on the facts disk"; }
	[ "$(cat "$out.new/done" 2>/dev/null)" = "$MODE" ] || die "$MODE: guest records incomplete"
	mv "$out.new" "$out"
	rm -f "$RUN/facts-$MODE.raw" "$RUN/facts-$MODE.tar"
	log "$MODE: guest records: $(find "$out" -type f | wc -l) files"
}

# ELF -> kdump-compressed (zlib, dump level 31 as Debian's kdump-tools), via makedumpfile;
# QEMU's ELFs first get their program headers moved (makedumpfile 1.7.2 wants them at 64).
to_kdump() {
	local in=$1 out=$2 tmp=$RUN/phoff-fixed.elf
	rm -f "$out" "$tmp"
	$PY "$HERE/src/fix-qemu-elf-phoff.py" "$in" "$tmp"
	makedumpfile -c -d 31 "$tmp" "$out" >"$RUN/makedumpfile.log" 2>&1 || { cat "$RUN/makedumpfile.log" >&2; die "makedumpfile $in"; }
	rm -f "$tmp"
	log "$(basename "$out"): $(stat -c %s "$out") bytes (makedumpfile -c -d 31)"
}

# live / panic: QEMU's dump-guest-memory in all its formats from one VM state.
boot_qemu_dumps() {
	MODE=$1
	if mode_done "$MODE"; then log "$MODE: dumps current, skipping"; return; fi
	invalidate
	rm -f "$DUMPS/.stamp-$MODE" "$DUMPS/vmcore-$MODE".*
	T0=$(date +%s%N)
	local append=""; [ "$MODE" = panic ] && append=kcore_panic=1
	start_qemu "$MEM" "$append" -device pvpanic -action panic=pause
	if [ "$MODE" = panic ]; then
		wait_for 120 status_is guest-panicked || die "panic: guest did not report the panic"
		log "panic: guest-panicked after $(elapsed "$T0") s"
	else
		sleep 5                                 # let the processes settle into their sleeps
		qmp '{"execute":"stop"}' >/dev/null     # every format then holds the same state
	fi
	local spec suffix fmt paging f d0
	for spec in elf:elf:false paging.elf:elf:true flat:kdump-zlib:false; do
		IFS=: read -r suffix fmt paging <<<"$spec"
		f=$DUMPS/vmcore-$MODE.$suffix d0=$(date +%s%N)
		qmp "{\"execute\":\"dump-guest-memory\",\"arguments\":{\"paging\":$paging,\"protocol\":\"file:$f\",\"format\":\"$fmt\"}}" >/dev/null
		log "$MODE: $(basename "$f") $(stat -c %s "$f") bytes in $(elapsed "$d0") s"
	done
	stop_qemu
	save_guest_facts
	chmod 644 "$DUMPS/vmcore-$MODE".*   # QEMU creates them 0400
	makedumpfile -R "$DUMPS/vmcore-$MODE.unflat.kdump" <"$DUMPS/vmcore-$MODE.flat" >"$RUN/makedumpfile.log" 2>&1 \
		|| { cat "$RUN/makedumpfile.log" >&2; die "makedumpfile -R"; }
	to_kdump "$DUMPS/vmcore-$MODE.elf" "$DUMPS/vmcore-$MODE.kdump"
	chmod 644 "$DUMPS/vmcore-$MODE".*
	echo "$BOOT_KEY" >"$DUMPS/.stamp-$MODE"
	log "$MODE: done in $(elapsed "$T0") s"
}

# kdump: a crash kernel is loaded in the guest (kexec_file_load); sysrq-c on CPU 1 boots
# it, and its /init copies /proc/vmcore raw onto an NVMe disk.
boot_kdump() {
	MODE=kdump
	if mode_done "$MODE"; then log "$MODE: dumps current, skipping"; return; fi
	invalidate
	rm -f "$DUMPS/.stamp-$MODE" "$DUMPS/vmcore-$MODE".* "$RUN/kdump-disk.raw"
	truncate -s 1G "$RUN/kdump-disk.raw"
	T0=$(date +%s%N)
	start_qemu "$KDUMP_MEM" "crashkernel=${CRASHKERNEL:-160M} kcore_kdump=1" \
		-drive "file=$RUN/kdump-disk.raw,if=none,id=d0,format=raw" -device nvme,serial=kcore,drive=d0
	wait_for "$BOOT_TIMEOUT" grep -q KCORE-CAPTURED "$DUMPS/console-$MODE.log" \
		|| { tail -20 "$DUMPS/console-$MODE.log" >&2; die "kdump: no KCORE-CAPTURED marker"; }
	log "kdump: captured after $(elapsed "$T0") s"
	local end=$((SECONDS + 60))   # the capture kernel powers off; QEMU then exits by itself
	while kill -0 "$QPID" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 0.2; done
	stop_qemu
	save_guest_facts
	local size
	size=$(sed -n 's/.*KCORE-CAPTURED size=\([0-9]*\).*/\1/p' "$DUMPS/console-$MODE.log" | head -1)
	[ -n "$size" ] && [ "$size" -gt 0 ] || die "kdump: no size in the console log"
	head -c "$size" "$RUN/kdump-disk.raw" >"$DUMPS/vmcore-kdump.elf"
	rm -f "$RUN/kdump-disk.raw"
	log "kdump: vmcore-kdump.elf $size bytes"
	to_kdump "$DUMPS/vmcore-kdump.elf" "$DUMPS/vmcore-kdump.kdump"
	chmod 644 "$DUMPS/vmcore-$MODE".*
	echo "$BOOT_KEY" >"$DUMPS/.stamp-$MODE"
	log "kdump: done in $(elapsed "$T0") s"
}

boot_qemu_dumps live
boot_qemu_dumps panic
boot_kdump

# ---- 4. kernel.properties (last: its presence means everything above is complete) -------
wait_dbg
{
	echo "# written by testcores/kernel/make-kernel-cores.sh; paths are absolute"
	echo "kver=$KVER"
	echo "package_version=$PKG_VERSION"
	echo "qemu=$(qemu-system-x86_64 --version | head -1 | sed 's/^QEMU emulator version //')"
	echo "vmlinux=$VMLINUX"
	echo "vmlinuz=$VMLINUZ"
	echo "debug_modules=$(for m in $MODULES; do printf '%s ' "$DBGMODDIR/$m"; done | sed 's/ $//')"
	echo "dumps=$DUMPS"
	echo "dump_files=$(cd "$DUMPS" && ls vmcore-* | tr '\n' ' ' | sed 's/ $//')"
	echo "boot_key=$BOOT_KEY"
	echo "sources_key=$SOURCES_KEY"
	echo "guest_facts=$(for m in live panic kdump; do printf '%s ' "$DUMPS/guest-$m"; done | sed 's/ $//')"
} >"$CACHE/kernel.properties.new"
mv "$CACHE/kernel.properties.new" "$CACHE/kernel.properties"
ls -l "$DUMPS" >&2
log "all done in $(elapsed "$T_START") s"
