# Sourced by /init just before KCORE-READY: the guest's own view of itself, in
# /tmp/kcore-facts (krecord: the /proc files, the test processes, every task, the cgroup2
# tree; then ps, uname, dmesg), whose tar is written raw onto partition 2 of the facts disk:
# make-kernel-cores.sh extracts it into dumps/guest-<mode>/. Layout: testcores/kernel/README.md.
F=/tmp/kcore-facts
T_REC=$(cut -d' ' -f1 /proc/uptime)
/bin/krecord $F 1 $SLEEP_PID $LOOP_PID $FIFO_PID $(pidof pipe_reader) \
  $(for kv in $KOBJ_PIDS; do echo ${kv#*=}; done) || echo "KCORE: krecord failed"
ps -o pid,ppid,stat,comm,args >$F/ps.txt
{ uname -a; hostname; } >$F/uname.txt
dmesg >$F/dmesg.txt
echo "$MODE" >$F/done
tar -cf - -C $F . | dd of=${FACTS_DISK}p2 bs=64k conv=fsync 2>/dev/null
sync
echo "KCORE-FACTS mode=$MODE files=$(find $F -type f | wc -l) size=$(du -sk $F | cut -f1)k, $T_REC .. $(cut -d' ' -f1 /proc/uptime) s"
