// Print the kernel log like dmesg(1).
//
//     ./jdrgn -c VMCORE -s VMLINUX scripts-js/dmesg.js
//
// Same output as scripts-py/dmesg.py. Globals from jdrgn: prog, drgn, scriptArgs.

/**
 * UTF-8 bytes -> string (no TextDecoder in GraalJS); Latin-1 if the bytes are not UTF-8.
 * @param {Uint8Array} bytes
 */
function utf8(bytes) {
    let latin1 = '';
    for (let i = 0; i < bytes.length; i += 8192) latin1 += String.fromCharCode(...bytes.subarray(i, i + 8192));
    try {
        return decodeURIComponent(escape(latin1));
    } catch (e) {
        return latin1;
    }
}

const text = utf8(drgn.getDmesg(prog));
// console.log adds the newline the last line already has
console.log(text.endsWith('\n') ? text.slice(0, -1) : text);
