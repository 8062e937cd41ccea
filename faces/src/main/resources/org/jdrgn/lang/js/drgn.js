// jdrgn's JavaScript face of the Java engine (org.jdrgn.lang.js.JsRuntime / JsProgram).
//
// Evaluated once per Context; the value of this script is a function that JsEngine calls
// with the runtime and that returns {drgn, wrap}. Like _drgn.py for Python, it only adapts:
// argument checks, 64-bit values as BigInt, enums, error classes. No debugger semantics.
//
// 64-bit values: Java returns a long; BigInt(x) converts GraalJS's host long exactly (it
// never passes through a double), and BigInt.asUintN(64, ...) makes it unsigned. Anything
// that leaves as a Number instead is < 2^32 (sizes of reads, tids, enum values).
(function (rt, makeHelpers, helperShapes) {
    'use strict';

    const MAX_U64 = (1n << 64n) - 1n;
    const u64 = (x) => BigInt.asUintN(64, BigInt(x));
    const hex = (x) => '0x' + x.toString(16);

    /** Drops drgn.js's own frames, so an engine error's stack starts at the script's call. */
    function fromCaller(e) {
        const lines = String(e.stack).split('\n');
        e.stack = lines.filter((l, i) => i === 0 || !/[ (]drgn(-helpers)?\.js:\d+:\d+\)?$/.test(l)).join('\n');
        return e;
    }

    /** A Number or BigInt in [0, 2^64) -> what a Java long parameter takes (two's complement). */
    function toLong(v, what = 'address') {
        if (typeof v === 'bigint') {
            if (v < 0n || v > MAX_U64) throw fromCaller(new RangeError(`${what} ${v} does not fit in 64 bits unsigned`));
            return BigInt.asIntN(64, v);
        }
        if (typeof v === 'number') {
            if (!Number.isSafeInteger(v) || v < 0) {
                throw fromCaller(new RangeError(`${what} ${v} is not an unsigned integer below 2^53 (use a BigInt)`));
            }
            return v;
        }
        throw fromCaller(new TypeError(`${what} must be a Number or BigInt, not ${typeof v}`));
    }

    /** A signed index (a Number or BigInt in the long range) -> a Java long. */
    function toSigned(v, what = 'index') {
        if (typeof v === 'bigint' && v >= -(1n << 63n) && v < (1n << 63n)) return v;
        if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
        throw fromCaller(new TypeError(`${what} must be an integer Number or BigInt in the 64-bit range`));
    }

    function toSize(v) {
        const n = typeof v === 'bigint' ? Number(v) : v;
        if (typeof n !== 'number' || !Number.isInteger(n)) throw fromCaller(new TypeError('size must be an integer'));
        if (n < 0) throw fromCaller(new ValueError('negative size'));
        if (n > 0x7fffffff) throw fromCaller(new RangeError(`size ${v} is too large`));
        return n;
    }

    // ------------------------------------------------------------------ errors
    // drgn's exception classes; JsErrors (Java) throws these through the factories below.
    class FaultError extends Error {
        /** drgn's FaultError(message, address): message without the address, as drgn. */
        constructor(message, address) {
            const a = u64(address);
            super(`${message}: ${hex(a)}`);
            this.reason = message;
            this.address = a;
        }
    }
    class LookupError extends Error {}
    class KeyError extends LookupError {}
    class ValueError extends Error {}
    class MissingDebugInfoError extends Error {}
    class ObjectAbsentError extends Error {}
    class OutOfBoundsError extends Error {}
    class OSError extends Error {
        constructor(errno, message, filename) {
            super(filename == null ? message : `[Errno ${errno}] ${message}: '${filename}'`);
            this.errno = errno;
            this.filename = filename;
        }
    }
    for (const cls of [FaultError, LookupError, KeyError, ValueError, MissingDebugInfoError,
                       ObjectAbsentError, OutOfBoundsError, OSError]) {
        Object.defineProperty(cls.prototype, 'name', { value: cls.name, writable: true, configurable: true });
    }

    rt.registerErrors({
        FaultError: (message, address) => fromCaller(new FaultError(message, address)),
        LookupError: (m) => fromCaller(new LookupError(m)),
        KeyError: (m) => fromCaller(new KeyError(m)),
        ValueError: (m) => fromCaller(new ValueError(m)),
        MissingDebugInfoError: (m) => fromCaller(new MissingDebugInfoError(m)),
        ObjectAbsentError: (m) => fromCaller(new ObjectAbsentError(m)),
        OutOfBoundsError: (m) => fromCaller(new OutOfBoundsError(m)),
        TypeError: (m) => fromCaller(new TypeError(m)),
        RangeError: (m) => fromCaller(new RangeError(m)),
        OSError: (errno, m, filename) => fromCaller(new OSError(errno, m, filename)),
        Error: (m) => fromCaller(new Error(m)),
    });

    // ------------------------------------------------------------------ enums
    // TypeScript-style numeric enums: SymbolKind.FUNC === 2 and SymbolKind[2] === 'FUNC'.
    function enumOf(members) {
        const e = {};
        for (const [k, v] of Object.entries(members)) {
            e[k] = v;
            e[v] = k;
        }
        return Object.freeze(e);
    }

    const Architecture = enumOf({ UNKNOWN: 0, X86_64: 1, I386: 2, AARCH64: 3, ARM: 4, PPC64: 5,
                                  RISCV64: 6, RISCV32: 7, S390X: 8, S390: 9 });
    const PlatformFlags = enumOf({ IS_64_BIT: 1, IS_LITTLE_ENDIAN: 2 });
    const ProgramFlags = enumOf({ IS_LINUX_KERNEL: 1, IS_LIVE: 2 });
    const SymbolBinding = enumOf({ UNKNOWN: 0, LOCAL: 1, GLOBAL: 2, WEAK: 3, UNIQUE: 11 });
    const SymbolKind = enumOf({ UNKNOWN: 0, OBJECT: 1, FUNC: 2, SECTION: 3, FILE: 4, COMMON: 5,
                                TLS: 6, IFUNC: 10 });

    /** 'IS_64_BIT|IS_LITTLE_ENDIAN' for a flags value of a flag enum; '0' for none. */
    function flagNames(flagEnum, value) {
        const names = Object.keys(flagEnum).filter((k) => isNaN(k) && flagEnum[k] !== 0 && (value & flagEnum[k]) === flagEnum[k]);
        return names.length ? names.join('|') : '0';
    }

    // ------------------------------------------------------------------ platform
    class Platform {
        constructor(arch, flags = null) {
            if (typeof arch !== 'number' || Architecture[arch] === undefined) {
                throw fromCaller(new TypeError('arch must be an Architecture'));
            }
            if (flags == null) {
                if (arch === Architecture.UNKNOWN) throw fromCaller(new ValueError('flags must be specified for unknown architecture'));
                flags = rt.defaultPlatformFlags(arch);
            }
            this.arch = arch;
            this.flags = flags;
            Object.freeze(this);
        }

        /** drgn's registers: one {names: [name]} per register, drgn's order. */
        get registers() {
            return Array.from(rt.registerNames(this.arch), (n) => Object.freeze({ names: Object.freeze([n]) }));
        }

        equals(other) {
            return other instanceof Platform && other.arch === this.arch && other.flags === this.flags;
        }

        toString() {
            return `Platform(Architecture.${Architecture[this.arch]}, PlatformFlags.${flagNames(PlatformFlags, this.flags)})`;
        }
    }

    const platformOf = (pair) => (pair == null ? null : new Platform(pair[0], pair[1]));
    const hostPlatform = platformOf(rt.hostPlatform());

    // ------------------------------------------------------------------ symbols, threads
    class Symbol {
        constructor(name, address, size, binding, kind) {
            this.name = name;
            this.address = address;
            this.size = size;
            this.binding = binding;
            this.kind = kind;
            Object.freeze(this);
        }

        equals(o) {
            return o instanceof Symbol && o.name === this.name && o.address === this.address
                && o.size === this.size && o.binding === this.binding && o.kind === this.kind;
        }

        toString() {
            return `Symbol(name='${this.name}', address=${hex(this.address)}, size=${hex(this.size)}, `
                + `binding=SymbolBinding.${SymbolBinding[this.binding]}, kind=SymbolKind.${SymbolKind[this.kind]})`;
        }
    }

    const symbolOf = (t) => new Symbol(t[0], u64(t[1]), u64(t[2]), t[3], t[4]);
    const symbolsOf = (list) => Array.from(list, symbolOf);

    class Thread {
        constructor(prog, tid, name) {
            this.prog = prog;
            this.tid = tid;
            this.name = name;
            Object.freeze(this);
        }

        stackTrace() { return stackTraceOf(this.prog, this); }

        toString() { return `Thread(tid=${this.tid})`; }
    }


    // ------------------------------------------------------------------ types
    const TypeKind = enumOf({ VOID: 1, INT: 2, BOOL: 3, FLOAT: 4, STRUCT: 5, UNION: 6, CLASS: 7, ENUM: 8,
                              TYPEDEF: 9, POINTER: 10, ARRAY: 11, FUNCTION: 12 });
    const Qualifiers = enumOf({ NONE: 0, CONST: 1, VOLATILE: 2, RESTRICT: 4, ATOMIC: 8 });
    const FindObjectFlags = enumOf({ CONSTANT: 1, FUNCTION: 2, VARIABLE: 4, ANY: 7 });
    /** drgn's AbsenceReason (0.0.25+); the names are org.jdrgn.objects.AbsenceReason's. */
    const AbsenceReason = enumOf({ OTHER: 0, OPTIMIZED_OUT: 1, NOT_IMPLEMENTED: 2 });

    // The Java side of Objects, Types, traces and frames; module-private, so scripts only see
    // the JS API. The JS Program of each rides along under PROG.
    // (drgn's Symbol class below shadows the global one in this module)
    const JsSymbol = globalThis.Symbol;
    const J = JsSymbol('java');
    const PROG = JsSymbol('prog');
    const num = (x) => (x == null ? x : Number(x));

    /** A Type or a C type name -> what Java takes (the Java JsType, or the string). */
    function typeArg(type) {
        if (type instanceof Type) return type[J];
        if (typeof type === 'string') return type;
        throw fromCaller(new TypeError('type must be a Type or a type name'));
    }

    class Type {
        constructor(token, prog, java) {
            if (token !== TYPE_TOKEN) throw fromCaller(new TypeError('Types come from prog.type() or obj.type_'));
            this[J] = java;
            this[PROG] = prog;
            Object.freeze(this);
        }

        get prog() { return this[PROG]; }
        get kind() { return this[J].kind(); }
        get primitive() { const p = this[J].primitive(); return p < 0 ? null : p; }
        get qualifiers() { return this[J].qualifiers(); }
        get language() { return this[J].language(); }
        get name() { return this[J].name(); }
        get tag() { return this[J].tag(); }
        get size() { return num(this[J].size()); }
        get length() { return num(this[J].length()); }
        get isSigned() { return this[J].isSigned(); }
        get byteorder() { return this[J].byteOrder(); }
        /** drgn's Type.type: the aliased, referenced, element or return type. */
        get type() { return typeOf(this[PROG], this[J].underlying()); }

        get members() {
            const ms = this[J].members();
            return ms == null ? null : Object.freeze(Array.from(ms, (m) => new TypeMember(this[PROG], m)));
        }

        get enumerators() {
            const es = this[J].enumerators();
            return es == null ? null : Object.freeze(Array.from(es, (e) => Object.freeze({ name: e[0], value: BigInt(e[1]) })));
        }

        get parameters() {
            return Object.freeze(Array.from(this[J].parameters(),
                (p) => Object.freeze({ name: p[0], type: typeOf(this[PROG], p[1]) })));
        }

        get isVariadic() { return this[J].isVariadic(); }
        isComplete() { return this[J].isComplete(); }
        qualified(qualifiers) { return typeOf(this[PROG], this[J].qualified(qualifiers)); }
        unqualified() { return typeOf(this[PROG], this[J].unqualified()); }
        member(name) { return new TypeMember(this[PROG], this[J].member(String(name))); }
        hasMember(name) { return this[J].hasMember(String(name)); }
        sizeof() { return num(this[J].sizeof()); }
        alignof() { return num(this[J].alignof()); }
        offsetof(member) { return num(this[J].offsetof(String(member))); }
        /** The C spelling of the type's name ("struct task_struct *"). */
        typeName() { return this[J].typeName(); }
        /** drgn 0.0.22 compares types by identity. */
        equals(other) { return other instanceof Type && this[J].same(other[J]); }
        /** drgn's str(type): the C definition. */
        toString() { return this[J].str(); }
    }

    // Type is exported (for instanceof) but only this module makes Types.
    const TYPE_TOKEN = JsSymbol('type');
    const typeOf = (prog, java) => new Type(TYPE_TOKEN, prog, java);

    class TypeMember {
        constructor(prog, java) {
            this[J] = java;
            this[PROG] = prog;
            Object.freeze(this);
        }

        get name() { return this[J].name(); }
        get type() { return typeOf(this[PROG], this[J].type()); }
        get bitOffset() { return num(this[J].bitOffset()); }
        get offset() { return num(this[J].offset()); }
        get bitFieldSize() { const n = num(this[J].bitFieldSize()); return n === 0 ? null : n; }
        toString() { return `TypeMember(name=${this.name === null ? 'None' : `'${this.name}'`}, bit_offset=${this.bitOffset})`; }
    }

    // ------------------------------------------------------------------ objects
    /** value_()/int_() results from Java: tagged ["dict"|"list"|"int", ...] arrays, Longs -> BigInt. */
    function jsValue(v) {
        if (v == null || typeof v === 'boolean' || typeof v === 'string') return v;
        if (typeof v !== 'object') return BigInt(v);      // a host Long: exact, never via a double
        switch (v[0]) {
            case 'dict': {
                const o = {};
                for (let i = 0; i < v[1].length; i++) o[v[1][i]] = jsValue(v[2][i]);
                return o;
            }
            case 'list': return Array.from(v[1], jsValue);
            case 'int': return BigInt(v[1]);
            case 'float': return Number(v[1]);
            default: throw new TypeError(`unexpected value from engine: ${v}`);
        }
    }

    /** An operand of arithmetic or a comparison: an Object's Java side, or a Number/BigInt/boolean. */
    function operand(x, op) {
        if (x instanceof DrgnObject) return x[J];
        if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') return x;
        throw fromCaller(new TypeError(`unsupported operand type for ${op}: '${x === null ? 'null' : typeof x}'`));
    }

    /** A CPU number or index: an integer Object (its Java side) or a Number/BigInt. */
    const cpuArg = (x) => (x instanceof DrgnObject ? x[J] : toLong(x, 'cpu'));

    /** camelCase option names -> drgn's keyword names (typeName -> type_name). */
    function formatOptions(options) {
        const out = {};
        for (const [k, v] of Object.entries(options ?? {})) out[k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())] = v;
        return out;
    }

    const INDEX = /^-?(0|[1-9][0-9]*)$/;

    // obj.member reads a struct member and obj[i] subscripts, unless the name is one of the
    // methods below (all end in '_', drgn's way of never shadowing a member) or a JS builtin.
    const objectTraps = {
        get(target, prop, receiver) {
            if (typeof prop === 'symbol' || prop in target) return Reflect.get(target, prop, receiver);
            if (prop === 'then' || prop === 'toJSON') return undefined;     // not a thenable / JSON value
            if (INDEX.test(prop)) return target.at_(BigInt(prop));
            return target.member_(prop);
        },
        has(target, prop) {
            if (typeof prop === 'symbol' || prop in target) return true;
            return target[J].memberNames().includes(prop);
        },
        set() { return false; },            // immutable: a TypeError in strict code
        defineProperty() { return false; },
        deleteProperty() { return false; },
    };

    // Objects are Proxies (for obj.member), so no #private members: a Proxy has no brand.
    const binary = (self, op, o) => objectOf(self[PROG], self[J].binary(op, operand(o, op), false));

    function objectOf(prog, java) {
        const o = Object.create(DrgnObject.prototype);
        o[J] = java;
        o[PROG] = prog;
        return new Proxy(Object.freeze(o), objectTraps);
    }

    /** drgn.Object: a value, reference or absent object in the program (org.jdrgn.objects.DrgnObject). */
    class DrgnObject {
        /**
         * new Object(prog, type, {value}) / ({address}) / neither (absent, {absenceReason} or OTHER);
         * new Object(prog, null, {value}) a literal.
         */
        constructor(prog, type = null, { value = null, address = null, absenceReason = null } = {}) {
            if (!(prog instanceof Program)) throw fromCaller(new TypeError('Object() argument 1 must be Program'));
            if (absenceReason !== null && (typeof absenceReason !== 'number' || AbsenceReason[absenceReason] === undefined)) {
                throw fromCaller(new TypeError('absenceReason must be AbsenceReason'));
            }
            const v = value instanceof DrgnObject ? value[J] : value;
            return objectOf(prog, prog[J].newObject(type === null ? null : typeArg(type), v,
                address === null ? null : toLong(address), absenceReason === null ? null : AbsenceReason[absenceReason]));
        }

        get prog_() { return this[PROG]; }
        get type_() { return typeOf(this[PROG], this[J].type()); }
        get address_() { const a = this[J].address(); return a == null ? null : u64(a); }
        get absent_() { return this[J].absent(); }
        /** Why the object is absent (an AbsenceReason value); null for values and references. */
        get absenceReason_() { const r = this[J].absenceReason(); return r == null ? null : AbsenceReason[r]; }
        get bitOffset_() { return this[J].bitOffset(); }
        get bitFieldSize_() { return this[J].bitFieldSize(); }

        member_(name) { return objectOf(this[PROG], this[J].member(String(name))); }
        /** obj[i] (also obj.at_(i)): an array element, or what a pointer points to at index i. */
        at_(i) { return objectOf(this[PROG], this[J].subscript(toSigned(i))); }
        deref_() { return objectOf(this[PROG], this[J].deref()); }
        addressOf_() { return objectOf(this[PROG], this[J].addressOf()); }
        read_() { return objectOf(this[PROG], this[J].read()); }
        /** drgn's value_(): BigInt for integers and pointers, Number, boolean, plain objects and arrays. */
        value_() { return jsValue(this[J].value()); }
        /** The C string (up to NUL) as text, UTF-8 decoded. */
        string_() { return this[J].string(); }
        toBytes_() { return new Uint8Array(new ArrayBuffer(this[J].toBytes())); }
        length_() { return num(this[J].length()); }
        memberNames_() { return Array.from(this[J].memberNames()); }

        *[JsSymbol.iterator]() {
            const n = this.length_();
            for (let i = 0; i < n; i++) yield this.at_(i);
        }

        /** Python's int(obj): BigInt. */
        int_() { return jsValue(this[J].toInt()); }
        float_() { return this[J].toFloat(); }
        /** Python's bool(obj). */
        truth_() { return this[J].truth(); }

        add_(o) { return binary(this, '+', o); }
        sub_(o) { return binary(this, '-', o); }
        mul_(o) { return binary(this, '*', o); }
        div_(o) { return binary(this, '/', o); }
        mod_(o) { return binary(this, '%', o); }
        lshift_(o) { return binary(this, '<<', o); }
        rshift_(o) { return binary(this, '>>', o); }
        and_(o) { return binary(this, '&', o); }
        or_(o) { return binary(this, '|', o); }
        xor_(o) { return binary(this, '^', o); }
        neg_() { return objectOf(this[PROG], this[J].unary('-')); }
        pos_() { return objectOf(this[PROG], this[J].unary('+')); }
        invert_() { return objectOf(this[PROG], this[J].unary('~')); }

        eq_(o) { return this[J].compare('EQ', operand(o, '==')); }
        ne_(o) { return this[J].compare('NE', operand(o, '!=')); }
        lt_(o) { return this[J].compare('LT', operand(o, '<')); }
        le_(o) { return this[J].compare('LE', operand(o, '<=')); }
        gt_(o) { return this[J].compare('GT', operand(o, '>')); }
        ge_(o) { return this[J].compare('GE', operand(o, '>=')); }

        /** drgn's format_(): options as drgn's keywords, camelCase or snake_case ({dereference: false, columns: 120}). */
        format_(options = {}) { return this[J].format(formatOptions(options)); }
        /** drgn's str(obj). */
        toString() { return this[J].str(); }
        /** drgn's repr(obj). */
        repr_() { return this[J].repr(); }

        /** `${obj}` is drgn's str(); arithmetic contexts get the value (BigInt for integers). */
        [JsSymbol.toPrimitive](hint) {
            if (hint === 'string') return this.toString();
            return this.type_.kind === TypeKind.FLOAT ? this.float_() : this.int_();
        }
    }
    Object.defineProperty(DrgnObject, 'name', { value: 'Object' });

    function cast(type, obj) { return objectOf(obj[PROG], obj[J].cast(typeArg(type))); }
    function reinterpret(type, obj) { return objectOf(obj[PROG], obj[J].reinterpret(typeArg(type))); }
    function containerOf(ptr, type, member) { return objectOf(ptr[PROG], ptr[J].containerOf(typeArg(type), String(member))); }
    function NULL(prog, type) { return new DrgnObject(prog, type, { value: 0 }); }
    const sizeof = (x) => (x instanceof DrgnObject ? x.type_.sizeof() : x.sizeof());

    // ------------------------------------------------------------------ Linux helpers
    const perCpuPtr = (ptr, cpu) => objectOf(ptr[PROG], ptr[J].perCpuPtr(cpuArg(cpu)));
    const perCpu = (v, cpu) => objectOf(v[PROG], v[J].perCpu(cpuArg(cpu)));
    const taskCpu = (task) => num(task[J].taskCpu());
    const cpuCurr = (prog, cpu) => objectOf(prog, prog[J].cpuCurr(cpuArg(cpu)));
    const idleTask = (prog, cpu) => objectOf(prog, prog[J].idleTask(cpuArg(cpu)));
    /** drgn's get_dmesg(prog): the kernel log as dmesg(1) prints it, as bytes (UTF-8 in practice). */
    const getDmesg = (prog) => new Uint8Array(new ArrayBuffer(prog[J].getDmesg()));
    /** drgn's for_each_task(prog): every struct task_struct * of the initial PID namespace, in PID order. */
    const forEachTask = (prog) => Array.from(prog[J].forEachTask(), (t) => objectOf(prog, t));
    /** drgn's find_task(prog, pid): the struct task_struct * with that PID, or a NULL one. */
    const findTask = (prog, pid) => objectOf(prog, prog[J].findTask(pid instanceof DrgnObject ? pid[J] : toLong(pid, 'pid')));
    /** drgn's task_state_to_char(task): ps(1)'s state letter. */
    const taskStateToChar = (task) => task[PROG][J].taskStateToChar(task[J]);
    const bytesOf = (buffer) => new Uint8Array(new ArrayBuffer(buffer));
    /**
     * drgn's get_printk_records(prog): the kernel log's records, oldest first, as drgn's
     * PrintkRecord fields in camelCase (text and context values as bytes; seq, timestamp BigInt).
     */
    const getPrintkRecords = (prog) => Array.from(prog[J].printkRecords(), (r) => Object.freeze({
        text: bytesOf(r[0]), facility: r[1], level: r[2], seq: u64(r[3]), timestamp: u64(r[4]),
        callerTid: num(r[5]), callerCpu: num(r[6]), continuation: r[7],
        context: Object.freeze(Object.fromEntries(Array.from(r[8], (kv) => [kv[0], bytesOf(kv[1])]))),
    }));

    // ------------------------------------------------------------------ stack traces
    class StackFrame {
        constructor(prog, java) {
            this[J] = java;
            this[PROG] = prog;
            Object.freeze(this);
        }

        get name() { return this[J].name(); }
        get isInline() { return this[J].isInline(); }
        get interrupted() { return this[J].interrupted(); }
        /** A function the trace passes through by a tail call (jdrgn's; drgn 0.0.22 has none). */
        get isTailCall() { return this[J].isTailCall(); }
        get pc() { return u64(this[J].pc()); }
        get sp() { return u64(this[J].sp()); }
        symbol() { return symbolOf(this[J].symbol()); }
        /** [filename, line, column] */
        source() { const s = this[J].source(); return Object.freeze([s[0], num(s[1]), num(s[2])]); }
        /** {name: BigInt} of the registers known in this frame. */
        registers() {
            const out = {};
            for (const [k, v] of this[J].registers()) out[k] = u64(v);
            return out;
        }
        register(name) { return u64(this[J].register(String(name))); }
        /** Names of the variables in scope (drgn's locals()). */
        locals() { return Array.from(this[J].locals()); }
        has(name) { return this[J].contains(String(name)); }
        /** drgn's frame[name]: the variable as an Object (absent if optimized out); KeyError if not in scope. */
        get(name) { return objectOf(this[PROG], this[J].variable(String(name))); }
        toString() { return this[J].str(); }
    }

    class StackTrace {
        #frames;

        constructor(prog, java) {
            this[J] = java;
            this[PROG] = prog;
        }

        get prog() { return this[PROG]; }
        get length() { return this[J].length(); }
        get frames() {
            if (this.#frames === undefined) {
                this.#frames = Object.freeze(Array.from({ length: this.length }, (_, i) => new StackFrame(this[PROG], this[J].frame(i))));
            }
            return this.#frames;
        }
        at(i) { return this.frames.at(i); }
        [JsSymbol.iterator]() { return this.frames[JsSymbol.iterator](); }
        /** drgn's str(trace): one "#N  function at file:line:col" line per frame. */
        toString() { return this[J].str(); }
    }

    /** prog.stackTrace(x): a Thread, a thread ID, or an Object (a kernel task_struct pointer, or an integer). */
    function stackTraceOf(prog, thread) {
        let java;
        if (thread instanceof DrgnObject) {
            java = thread.type_.unqualified().kind === TypeKind.POINTER
                ? prog[J].stackTraceOfTask(toLong(thread.value_()))
                : prog[J].stackTrace(toLong(thread.int_(), 'tid'));
        } else if (thread instanceof Thread) {
            java = prog[J].threadStackTrace(toLong(thread.tid, 'tid'));
        } else {
            java = prog[J].stackTrace(toLong(thread, 'tid'));
        }
        return new StackTrace(prog, java);
    }

    // ------------------------------------------------------------------ program
    /** Bytes a memory-segment callback returned -> an ArrayBuffer Java reads in bulk. */
    function segmentBytes(v) {
        let view;
        if (v instanceof ArrayBuffer) return v;
        if (ArrayBuffer.isView(v)) view = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        else if (Array.isArray(v)) view = Uint8Array.from(v);
        else throw fromCaller(new TypeError('memory read callback must return a Uint8Array, ArrayBuffer or array of bytes'));
        return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view.buffer : view.slice().buffer;
    }

    const WRAP = Object.freeze({});       // module-private: only wrap() can adopt a Java program

    class Program {
        #j;

        constructor(platform = null, java = undefined) {
            if (platform === WRAP) {
                this.#j = java;
            } else {
                if (platform !== null && !(platform instanceof Platform)) throw fromCaller(new TypeError('platform must be Platform or null'));
                this.#j = rt.newProgram(platform === null ? null : platform.arch, platform === null ? 0 : platform.flags);
            }
            // for this module's Objects, Types and traces (a symbol scripts cannot name)
            Object.defineProperty(this, J, { value: this.#j });
        }

        get platform() { return platformOf(this.#j.platform()); }

        get flags() { return this.#j.flags(); }

        read(address, size, physical = false) {
            return new Uint8Array(new ArrayBuffer(this.#j.read(toLong(address), toSize(size), !!physical)));
        }

        readU8(address, physical = false) { return this.#j.readUnsigned(toLong(address), 1, !!physical); }

        readU16(address, physical = false) { return this.#j.readUnsigned(toLong(address), 2, !!physical); }

        readU32(address, physical = false) { return this.#j.readUnsigned(toLong(address), 4, !!physical); }

        readU64(address, physical = false) { return u64(this.#j.readUnsigned(toLong(address), 8, !!physical)); }

        readWord(address, physical = false) { return u64(this.#j.readWord(toLong(address), !!physical)); }

        /** readFn(address: BigInt, count: Number, offset: BigInt, physical: boolean) -> bytes */
        addMemorySegment(address, size, readFn, physical = false) {
            if (typeof readFn !== 'function') throw fromCaller(new TypeError('readFn must be a function'));
            this.#j.addMemorySegment(toLong(address), toLong(size, 'size'),
                (a, n, o, p) => segmentBytes(readFn(u64(a), n, u64(o), p)), !!physical);
        }

        setCoreDump(path) { this.#j.setCoreDump(String(path)); }

        threads() { return Array.from(this.#j.threads(), (t) => new Thread(this, t[0], t[1])); }

        thread(tid) {
            const t = this.#j.thread(toLong(tid, 'tid'));
            return new Thread(this, t[0], t[1]);
        }

        mainThread() {
            const t = this.#j.mainThread();
            return new Thread(this, t[0], t[1]);
        }

        crashedThread() {
            const t = this.#j.crashedThread();
            return new Thread(this, t[0], t[1]);
        }

        symbol(addressOrName) {
            return symbolOf(typeof addressOrName === 'string'
                ? this.#j.symbolNamed(addressOrName)
                : this.#j.symbolAt(toLong(addressOrName)));
        }

        symbols(addressOrName = null) {
            if (addressOrName == null) return symbolsOf(this.#j.symbols());
            if (typeof addressOrName === 'string') return symbolsOf(this.#j.symbolsNamed(addressOrName));
            return symbolsOf(this.#j.symbolsAt(toLong(addressOrName)));
        }

        // ---- objects, types, traces
        // prog["x"] cannot be overloaded in JS; prog.get("x") is drgn's prog["x"]. (A Proxy could
        // make prog.x work, but a kernel global would then shadow or be shadowed by a method.)

        /** drgn's prog["name"]: the variable, constant or function; KeyError if there is none. */
        get(name) { return objectOf(this, this.#j.get(String(name))); }

        /** drgn's `name in prog`. */
        has(name) { return this.#j.contains(String(name)); }

        /** drgn's prog.object(name, flags, filename): LookupError if there is none. */
        object(name, flags = FindObjectFlags.ANY, filename = null) {
            return objectOf(this, this.#j.object(String(name), flags, filename));
        }

        /** drgn's prog.type(name): a C type name ("struct task_struct *") parsed in the program. */
        type(name, filename = null) { return typeOf(this, this.#j.type(String(name), filename)); }

        /** drgn's prog.stack_trace(thread): a Thread, a thread ID, or a kernel task_struct pointer Object. */
        stackTrace(thread) { return stackTraceOf(this, thread); }

        toString() { return '[object Program]'; }
    }

    function programFromCoreDump(path) {
        const prog = new Program();
        prog.setCoreDump(path);
        return prog;
    }

    const drgn = Object.freeze({
        Program, Platform, Symbol, Thread, Object: DrgnObject, Type, TypeMember, StackTrace, StackFrame,
        Architecture, PlatformFlags, ProgramFlags, SymbolBinding, SymbolKind, TypeKind, Qualifiers, FindObjectFlags,
        AbsenceReason,
        cast, reinterpret, containerOf, NULL, sizeof,
        perCpu, perCpuPtr, taskCpu, cpuCurr, idleTask, getDmesg, getPrintkRecords, forEachTask, findTask, taskStateToChar,
        FaultError, LookupError, KeyError, ValueError, MissingDebugInfoError, ObjectAbsentError,
        OutOfBoundsError, OSError,
        hostPlatform, programFromCoreDump, flagNames,
        // drgn-helpers.js: every Linux helper of the Java registry, camelCase
        helpers: makeHelpers({ J, PROG, objectOf, DrgnObject, Type, Program, toSigned, fromCaller }, helperShapes),
    });

    return { drgn, wrap: (java) => new Program(WRAP, java) };
})
