// The JS port of testcores/oracle/basics.py: the same keys and value formats, for the
// facts the JS API can reach (no registers or stack traces; no Python repr of args).
// Error types print as Python names so lines compare with the drgn oracle directly.

const NAMES = ['g_workers', 'g_mode', 'g_worker_list', 'g_int', 'g_str', 's_counter',
    't_idx', 't_depth', 'main', 'tc_checkpoint', '_start', 'malloc',
    'printf', 'environ', '__libc_start_main', 'no_such_symbol'];
const WIDTHS = [['read_u8', (a) => prog.readU8(a)], ['read_u16', (a) => prog.readU16(a)],
    ['read_u32', (a) => prog.readU32(a)], ['read_u64', (a) => prog.readU64(a)],
    ['read_word', (a) => prog.readWord(a)]];
const FAULT_ADDRESSES = [0x10n, 0xffffffffffff0000n];

const hex = (n) => '0x' + n.toString(16);
const emit = (key, value) => console.log(`${key}\t${value}`);
const pyName = (e) => (e.constructor === Error ? 'Exception' : e.name);
const err = (e) => `ERROR ${pyName(e)}: ${e.message}`;
const attempt = (fn) => {
    try {
        return fn();
    } catch (e) {
        return err(e);
    }
};
const flagNames = (flagEnum, v) => {
    const names = Object.keys(flagEnum).filter((k) => isNaN(k) && (v & flagEnum[k]));
    return names.length ? names.join('|') : '-';
};
const sym = (s) => `${s.name} ${hex(s.address)} ${hex(s.size)} ${drgn.SymbolBinding[s.binding]} ${drgn.SymbolKind[s.kind]}`;

emit('platform.arch', drgn.Architecture[prog.platform.arch]);
emit('platform.flags', hex(prog.platform.flags));
emit('platform.flags.names', flagNames(drgn.PlatformFlags, prog.platform.flags));
emit('prog.flags', hex(prog.flags));
emit('prog.flags.names', flagNames(drgn.ProgramFlags, prog.flags));

const tids = prog.threads().map((t) => t.tid).sort((a, b) => a - b);
emit('threads.count', tids.length);
emit('threads', tids.join(','));
emit('crashed_thread.tid', attempt(() => prog.crashedThread().tid));
emit('main_thread.tid', attempt(() => prog.mainThread().tid));

const found = [];
for (const name of NAMES) {
    try {
        const s = prog.symbol(name);
        emit(`symbol.${name}`, sym(s));
        found.push(s);
    } catch (e) {
        emit(`symbol.${name}`, err(e));
    }
}
const probes = [];
for (const s of found) {
    probes.push(s.address);
    if (s.kind === drgn.SymbolKind.FUNC && s.size > 1n) {
        probes.push(s.address + 1n, s.address + s.size / 2n, s.address + s.size - 1n);
    }
    probes.push(s.address + s.size);
}
for (const a of new Set(probes)) emit(`symbol@${hex(a)}`, attempt(() => sym(prog.symbol(a))));

emit('symbols.count', attempt(() => prog.symbols().length));
for (const name of NAMES) emit(`symbols.${name}.count`, attempt(() => prog.symbols(name).length));

for (const a of new Set(found.map((s) => s.address))) {
    emit(`read@${hex(a)}`, attempt(() => Array.from(prog.read(a, 16), (b) => b.toString(16).padStart(2, '0')).join('')));
    for (const [method, read] of WIDTHS) emit(`${method}@${hex(a)}`, attempt(() => hex(read(a))));
}

for (const a of FAULT_ADDRESSES) {
    try {
        prog.read(a, 16);
        emit(`fault@${hex(a)}.type`, 'none');
    } catch (e) {
        if (!(e instanceof drgn.FaultError)) throw e;
        emit(`fault@${hex(a)}.type`, e.name);
        emit(`fault@${hex(a)}.message`, e.message);
        emit(`fault@${hex(a)}.address`, hex(e.address));
    }
}
