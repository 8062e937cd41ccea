// Look up symbols by name or address, as drgn's prog.symbol() does.
//
//     ./jdrgn -c CORE scripts-js/symbols.js main 0x555555555a49 g_workers
//
// Same output as scripts-py/symbols.py. Addresses are BigInt, so 64-bit ones stay exact.

const hex = (/** @type {bigint} */ n) => '0x' + n.toString(16);

for (const arg of scriptArgs.slice(1)) {
    // an integer literal (0x..., decimal) is an address, anything else a name
    const key = /^(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/.test(arg) ? BigInt(arg) : arg;
    let sym;
    try {
        sym = prog.symbol(key);
    } catch (e) {
        if (!(e instanceof drgn.LookupError)) throw e;
        console.log(`${arg}: ${e.message}`);
        continue;
    }
    const where = typeof key === 'bigint' ? key - sym.address : 0n;
    console.log(`${arg}: ${sym.name}+${hex(where)}/${hex(sym.size)} at ${hex(sym.address)} `
        + `(${drgn.SymbolBinding[sym.binding]} ${drgn.SymbolKind[sym.kind]})`);
}
