// Each task's open files: pid, comm, fd and path (same output as scripts-py/files.py).
//
//     ./jdrgn -c VMCORE -s VMLINUX scripts-js/files.js [PID...]

const { forEachTask, findTask, forEachFile, dPath } = drgn.helpers;
const text = (bytes) => String.fromCharCode(...bytes);

const pids = scriptArgs.slice(1).map(Number);   // scriptArgs[0] is the script, as sys.argv[0]
const tasks = pids.length ? pids.map((pid) => findTask(prog, pid)) : forEachTask(prog);
for (const task of tasks) {
    if (!task.files.truth_()) continue;
    const comm = String(task.comm.string_());
    for (const [fd, file] of forEachFile(task)) {
        let path;
        try {
            path = text(dPath(file.f_path.addressOf_()));
        } catch (e) {
            if (!(e instanceof drgn.FaultError)) throw e;
            path = `<fault at 0x${e.address.toString(16)}>`;
        }
        console.log(`${String(task.pid.value_()).padStart(7)} ${comm.padEnd(16)} ${String(fd).padStart(4)} ${path}`);
    }
}
