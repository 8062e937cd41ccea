// The initial mount namespace's mounts: source, mount point, type (same output as scripts-py/mounts.py).
//
//     ./jdrgn -c VMCORE -s VMLINUX scripts-js/mounts.js

const { forEachMount, mountSrc, mountDst, mountFstype } = drgn.helpers;
const text = (bytes) => String.fromCharCode(...bytes);

for (const mnt of forEachMount(prog)) {
    console.log([mountSrc(mnt), mountDst(mnt), mountFstype(mnt)].map(text).join(' '));
}
