// The first minutes of a kernel crash investigation, drgn-style, on a vmcore: the crashing
// CPU's task, its stack trace with each frame's variables, a cast, a pointer difference and
// a per-CPU lookup. Line for line scripts-py/kernel_crash.py, with the same output.
//
//     jdrgn -c vmcore -s vmlinux scripts-js/kernel_crash.js
//
// JS has no operator overloading: prog.get('x') is drgn's prog['x'], obj.sub_(o) is `obj - o`,
// obj.eq_(o) is `obj == o`; obj.member reads a struct member as in Python.

const { FaultError, LookupError, ValueError, cast, perCpu, perCpuPtr, taskCpu } = drgn;
const hex = (/** @type {bigint} */ n) => '0x' + n.toString(16);
const pyBool = (/** @type {boolean} */ b) => (b ? 'True' : 'False');     // Python's spelling, so both scripts print alike

console.log('kernel', prog.get('init_uts_ns').name.release.string_());
const cpu = prog.get('crashing_cpu');
const task = perCpu(prog.get('runqueues'), cpu).curr;
console.log(`crashing CPU ${cpu.int_()}: pid ${task.pid.int_()} (${task.comm.string_()})`);

const trace = prog.stackTrace(task);
console.log(`${trace}`);
trace.frames.forEach((frame, i) => {
    const names = frame.locals();
    if (names.length === 0) return;
    console.log(`#${i} ${frame.name}:`);
    for (const name of names) {
        let value;
        try {
            value = frame.get(name).format_({ dereference: false, columns: 120 });
        } catch (e) {
            if (!(e instanceof FaultError || e instanceof LookupError || e instanceof ValueError)) throw e;
            value = `<${e.name}: ${e.message}>`;
        }
        console.log(`    ${name} = ` + value.replaceAll('\n', '\n    '));
    }
});

// A cast, a pointer difference, a per-CPU lookup: the shape of the Kyber walk.
const stack = cast('unsigned long', task.stack);
console.log('task stack', hex(stack.int_()));
const rq0 = perCpuPtr(prog.get('runqueues').addressOf_(), 0);
const rq = perCpuPtr(prog.get('runqueues').addressOf_(), taskCpu(task));
console.log('rq - rq0 =', `${rq.sub_(rq0)}`);
console.log('this CPU\'s current task is the crashed task:', pyBool(perCpu(prog.get('runqueues'), taskCpu(task)).curr.eq_(task)));
