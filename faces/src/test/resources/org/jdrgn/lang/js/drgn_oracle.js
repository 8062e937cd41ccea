// JS port of testcores/oracle/drgn_oracle.py (the threads section and the types program's
// globals, types, expressions, list and hash walks), printing the same text, so a test can
// compare jdrgn's JS face with its Python face and with drgn 0.0.22's output.
//
// Where Python prints a repr (lists, tuples, enums, Symbol) the port spells it the Python way;
// error names are Python's (JS's Error is Python's Exception). JS has no list helpers, so the
// "helper list_for_each_entry" line walks the list itself.

const { cast, reinterpret, containerOf, sizeof, FaultError, KeyError, TypeKind, SymbolBinding, SymbolKind } = drgn;
const hex = (n) => '0x' + BigInt(n).toString(16);
const py = (b) => (b ? 'True' : 'False');

const SECRETS = new Map();
try {
    const fs = prog.mainThread().stackTrace().at(0).registers()['fs.base'];
    for (const [off, name] of [[0x28n, '<canary>'], [0x30n, '<ptr-guard>']]) {
        const v = prog.readU64(fs + off);
        if (v > 0xffffn) SECRETS.set(v, name);
    }
} catch (e) { /* as the Python script: no masks */ }

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function mask(s) {
    s = s.replace(/(\.?jmp_buf = \(__jmp_buf\))\{[^}]*\}/g, '$1{<masked>}');
    for (const [v, name] of SECRETS) {
        for (const form of [v.toString(), (v - (1n << 64n)).toString(), hex(v)]) {
            s = s.replace(new RegExp('(?<![0-9a-fx-])' + escape(form) + '(?![0-9a-f])', 'g'), name);
        }
    }
    return s;
}

const pyName = (e) => (e.name === 'Error' ? 'Exception' : e.name);
const pyMessage = (e) => (e instanceof KeyError ? `'${e.message}'` : e.message);
const err = (e) => `ERROR ${pyName(e)}: ${pyMessage(e)}`;

function cstr(o) {
    try {
        return `'${o.string_()}'`;
    } catch (e) {
        return `<${pyName(e)}: ${pyMessage(e)}>`;
    }
}

function show(label, fn) {
    let s;
    try {
        s = mask(String(fn()));
    } catch (e) {
        s = err(e);
    }
    if (s.includes('\n')) {
        console.log(`${label} =`);
        for (const line of s.split('\n')) console.log('    ' + line);
    } else {
        console.log(`${label} = ${s}`);
    }
}

function section(t) {
    console.log();
    console.log('='.repeat(8), t, '='.repeat(8));
}

// ---------------------------------------------------------------- threads
section('threads');
let threads = [];
try {
    threads = prog.threads().sort((a, b) => a.tid - b.tid);
} catch (e) {
    console.log(err(e));
}
console.log('tids:', `[${threads.map((t) => t.tid).join(', ')}]`);
show('crashed_thread().tid', () => prog.crashedThread().tid);
show('main_thread().tid', () => prog.mainThread().tid);

for (const t of threads) {
    section(`thread ${t.tid}`);
    let trace;
    try {
        trace = t.stackTrace();
    } catch (e) {
        console.log('stack_trace:', err(e));
        continue;
    }
    console.log(String(trace));
    trace.frames.forEach((frame, i) => {
        const attempt = (f) => { try { return f(); } catch (e) { return err(e); } };
        const src = attempt(() => { const [f, l, c] = frame.source(); return `${f}:${l}:${c}`; });
        const sym = attempt(() => frame.symbol().name);
        const pc = attempt(() => hex(frame.pc));
        console.log(`--- frame #${i} name=${frame.name ?? 'None'} inline=${py(frame.isInline)} `
            + `interrupted=${py(frame.interrupted)} pc=${pc} symbol=${sym} src=${src}`);
        if (i === 0) {
            console.log('    regs:', attempt(() => {
                const regs = frame.registers();
                return ['rip', 'rsp', 'rbp'].filter((k) => k in regs).map((k) => `${k}=${hex(regs[k])}`).join(' ');
            }));
        }
        let names;
        try {
            names = frame.locals();
        } catch (e) {
            console.log('    locals:', err(e));
            return;
        }
        for (const name of names) {
            const s = attempt(() => frame.get(name).format_({ dereference: false }));
            console.log(`    ${name} = ${mask(s).replaceAll('\n', '\n        ')}`);
        }
    });
}

// ---------------------------------------------------------------- globals, types, expressions
section('globals');
for (const n of ['g_int', 'g_cv', 's_counter', 'g_str', 'g_matrix', 'g_cube',
                 'g_rect', 'g_val', 'g_flags', 'g_tag', 'g_blob', 'g_ops', 'g_fn',
                 'g_items', 'g_hash', 'g_color', 'g_small', 'g_uid', 'g_names',
                 'g_null', 'g_bool', 'g_char', 'g_ushort', 'g_llong', 'g_float',
                 't_depth', 't_pt', 'calls', 'add', 'inspect', 'main']) {
    show(`prog['${n}']`, () => prog.get(n));
}

section('types');
for (const n of ['struct item', 'struct flags', 'struct tagged', 'union value',
                 'struct blob', 'struct ops', 'enum color', 'enum small_enum',
                 'user_id_t', 'binop_fn', 'struct hashtable']) {
    show(`type '${n}'`, () => prog.type(n));
    show(`sizeof(${n})`, () => sizeof(prog.type(n)));
}

section('expressions');
const tuple = (xs) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`);
const pyStr = (s) => (s === null ? 'None' : `'${s}'`);
show('*g_blob', () => prog.get('g_blob')[0]);
show('g_blob->data[0..4]', () => `[${[0, 1, 2, 3, 4].map((i) => prog.get('g_blob').data[i].int_()).join(', ')}]`);
show('g_matrix[2][3]', () => prog.get('g_matrix')[2][3]);
show('g_cube[1][0][1]', () => prog.get('g_cube')[1][0][1]);
show('g_tag[1].s (anon union member)', () => prog.get('g_tag')[1].s);
show('g_tag[0].hi (anon struct member)', () => prog.get('g_tag')[0].hi);
show('g_flags.delta (signed bitfield)', () => prog.get('g_flags').delta);
show('g_flags.big', () => hex(prog.get('g_flags').big.value_()));
show('bitfield layout', () => `[${prog.type('struct flags').members
    .map((m) => tuple([pyStr(m.name), m.bitOffset, m.bitFieldSize ?? 'None'])).join(', ')}]`);
show('typedef chain user_id_t', () => {
    const chain = [];
    for (let t = prog.type('user_id_t'); t.kind === TypeKind.TYPEDEF; t = t.type) chain.push(String(t));
    return chain.join(' -> ');
});
show('g_uid type qualified_type', () => prog.get('g_uid').type_.typeName());
show('g_cv qualifiers', () => 'Qualifiers.' + drgn.flagNames(drgn.Qualifiers, prog.get('g_cv').type_.qualifiers));
show('enum color enumerators', () => tuple(prog.type('enum color').enumerators
    .map((e) => `TypeEnumerator('${e.name}', ${e.value})`)));
show('cast(unsigned char *, &g_str)', () => cast('unsigned char *', prog.get('g_str').addressOf_()));
show('cast(long, g_color)', () => cast('long', prog.get('g_color')));
show('reinterpret(double, g_val)', () => reinterpret('double', prog.get('g_val')));
show('g_val.bytes', () => prog.get('g_val').bytes);
show('g_names[1] (string in .rodata)', () => cstr(prog.get('g_names')[1]));
show('g_rect.name (string in .rodata)', () => cstr(prog.get('g_rect').name));
show('g_fn symbol', () => {
    const s = prog.symbol(prog.get('g_fn').value_());
    return `Symbol(name='${s.name}', address=${hex(s.address)}, size=${hex(s.size)}, `
        + `binding=<SymbolBinding.${SymbolBinding[s.binding]}: ${s.binding}>, kind=<SymbolKind.${SymbolKind[s.kind]}: ${s.kind}>)`;
});
show('g_ops[1].fn', () => prog.get('g_ops')[1].fn);
show('offsetof(struct item, node)', () => prog.type('struct item').offsetof('node'));
show('offsetof(struct tagged, hi)', () => prog.type('struct tagged').offsetof('hi'));
show('offsetof(struct blob, data)', () => prog.type('struct blob').offsetof('data'));
show('sizeof(g_matrix)', () => sizeof(prog.get('g_matrix')));

section('list walk (container_of)');
const head = prog.get('g_items').addressOf_();
const names = [];
let pos = head.next;
for (let n = 0; pos.ne_(head) && n < 20; n++) {
    const it = containerOf(pos, 'struct item', 'node');
    console.log(`  item @ ${hex(it.value_())}: id=${it.id.value_()} name=${cstr(it.name)} prev=${hex(it.node.prev.value_())}`);
    names.push(`"${cstr(it.name)}"`);
    pos = pos.next;
}
console.log('  helper list_for_each_entry:', `[${names.join(', ')}]`);

section('hash walk');
const h = prog.get('g_hash');
for (let b = 0n; b < h.nbuckets.value_(); b++) {
    const chain = [];
    for (let p = h.buckets[b]; p.truth_(); p = p.hnext) chain.push(p.id.value_());
    console.log(`  bucket ${b}: [${chain.join(', ')}]`);
}
