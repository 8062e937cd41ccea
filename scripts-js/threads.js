// List a program's threads: ID, name, and which one crashed.
//
//     ./jdrgn -c CORE scripts-js/threads.js
//
// Same output as scripts-py/threads.py. Globals from jdrgn: prog, drgn, scriptArgs.

let crashed = null;
try {
    crashed = prog.crashedThread().tid;
} catch (e) {
    // drgn throws a plain Error when no thread crashed (e.g. a gcore dump)
    if (!(e instanceof Error) || e.constructor !== Error) throw e;
}

console.log(`${'TID'.padStart(8)}  ${'NAME'.padEnd(16)}  STATE`);
for (const thread of prog.threads().sort((a, b) => a.tid - b.tid)) {
    const state = thread.tid === crashed ? 'crashed' : '';
    console.log(`${String(thread.tid).padStart(8)}  ${(thread.name ?? '-').padEnd(16)}  ${state}`.trimEnd());
}
