# Sourced by /init (busybox sh) after the original test processes: the kernel objects
# drgn's Linux helpers read. Mounts, a partitioned block device, a loop device, a cgroup2
# hierarchy, and the kobjs processes (files, sockets, SysV IPC, threads, timers), each in
# its cgroup. Sets KOBJ_PIDS ("name=pid ..."); /lib/kcore-record.sh records the views.
READY=/tmp/kready
echo "KCORE: objects at $(cut -d' ' -f1 /proc/uptime) s"
mkdir -p $READY /mnt/disk /mnt/loop /mnt/tmpfs /mnt/bind /dev/mqueue /sys/fs/cgroup
ip link set lo up
# the facts disk (serial kfacts, partitioned by src/make-facts-disk.py): p1 ext2 on
# /mnt/disk (few inodes: mke2fs writes their tables, slow under TCG); p2 gets the records
FACTS_DISK=$(nvme_disk kfacts)
for i in $(seq 50); do [ -b ${FACTS_DISK}p2 ] && break; sleep 0.1; done
mke2fs -i 65536 -L kcore-disk ${FACTS_DISK}p1 >/dev/null 2>&1 || echo "KCORE: mke2fs ${FACTS_DISK}p1 failed"
mount -t ext4 ${FACTS_DISK}p1 /mnt/disk || echo "KCORE: mount ${FACTS_DISK}p1 failed"
echo "kcore disk file" >/mnt/disk/hello.txt
mkdir -p /mnt/disk/sub && echo bound >/mnt/disk/sub/inside.txt
mount -o bind /mnt/disk/sub /mnt/bind
# an ext2 on /dev/loop0 over a tmpfs file (loop.ko was loaded with the other modules)
dd if=/dev/zero of=/tmp/loop.img bs=1M count=4 2>/dev/null
losetup /dev/loop0 /tmp/loop.img && mke2fs -i 65536 -L kcore-loop /dev/loop0 >/dev/null 2>&1 \
	&& mount -t ext4 /dev/loop0 /mnt/loop || echo "KCORE: loop mount failed"
echo "kcore loop file" >/mnt/loop/loop.txt
mount -t tmpfs -o size=8m,mode=1777 kcoretmp /mnt/tmpfs
mount -t mqueue mqueue /dev/mqueue
# cgroup2: /kcore (pids, memory; no processes: the no-internal-process rule) with leaves
# /kcore/net (net_server, net_client) and /kcore/objs (the other kobjs processes)
CG=/sys/fs/cgroup
mount -t cgroup2 cgroup2 $CG
echo "+pids +memory" >$CG/cgroup.subtree_control
mkdir -p $CG/kcore/net $CG/kcore/objs
echo "+pids +memory" >$CG/kcore/cgroup.subtree_control
echo 64 >$CG/kcore/pids.max
echo 67108864 >$CG/kcore/net/memory.max
# in_cgroup DIR ROLE: starts kobjs ROLE already in the cgroup (the shell moves itself, then execs)
in_cgroup() { sh -c "echo \$\$ >$CG/$1/cgroup.procs; exec /bin/kobjs $2 $READY" & }
wait_ready() { for i in $(seq 150); do [ -s $READY/$1 ] && return; sleep 0.1; done; echo "KCORE: kobjs $1 not ready"; }
in_cgroup kcore/net server
wait_ready server
in_cgroup kcore/net client
for r in files ipc threads timers; do in_cgroup kcore/objs $r; done
KOBJ_PIDS=
for r in server-connected client files ipc threads timers; do
  wait_ready $r
  KOBJ_PIDS="$KOBJ_PIDS $r=$(cat $READY/$r 2>/dev/null)"
done
echo "KCORE: kobjs pids$KOBJ_PIDS at $(cut -d' ' -f1 /proc/uptime) s"
