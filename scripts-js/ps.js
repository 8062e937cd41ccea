// List the kernel's tasks like ps(1): PID, parent PID, CPU, state letter and command name.
//
//     ./jdrgn -c VMCORE -s VMLINUX scripts-js/ps.js
//
// Same output as scripts-py/ps.py. Globals from jdrgn: prog, drgn, scriptArgs.

const { forEachTask, taskCpu, taskStateToChar } = drgn;

console.log(`${'PID'.padStart(7)} ${'PPID'.padStart(7)} ${'CPU'.padStart(3)} ST COMM`);
for (const task of forEachTask(prog)) {
    const pid = String(task.pid.value_()).padStart(7);
    const ppid = String(task.real_parent.pid.value_()).padStart(7);
    const cpu = String(taskCpu(task)).padStart(3);
    console.log(`${pid} ${ppid} ${cpu} ${taskStateToChar(task)}  ${task.comm.string_()}`);
}
