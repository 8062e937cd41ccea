// The loaded kernel modules like lsmod(8) (same output as scripts-py/lsmod.py).
//
//     ./jdrgn -c VMCORE -s VMLINUX scripts-js/lsmod.js

const { listForEachEntry } = drgn.helpers;

console.log(`${'Module'.padEnd(20)} ${'Size'.padStart(8)}  Used`);
for (const mod of listForEachEntry('struct module', prog.object('modules').addressOf_(), 'list')) {
    const size = mod.core_layout.size.value_();
    console.log(`${String(mod.name.string_()).padEnd(20)} ${String(size).padStart(8)}  ${mod.refcnt.counter.value_()}`);
}
