// jdrgn's JavaScript face of the Java engine (org.jdrgn.lang.js.JsRuntime / JsProgram).
//
// Evaluated once per Context; the value of this script is a function that JsEngine calls
// with the runtime and that returns {drgn, wrap}. Like _drgn.py for Python, it only adapts:
// argument checks, 64-bit values as BigInt, enums, error classes. No debugger semantics.
//
// 64-bit values: Java returns a long; BigInt(x) converts GraalJS's host long exactly (it
// never passes through a double), and BigInt.asUintN(64, ...) makes it unsigned. Anything
// that leaves as a Number instead is < 2^32 (sizes of reads, tids, enum values).
(function (rt) {
    'use strict';

    const MAX_U64 = (1n << 64n) - 1n;
    const u64 = (x) => BigInt.asUintN(64, BigInt(x));
    const hex = (x) => '0x' + x.toString(16);

    /** Drops drgn.js's own frames, so an engine error's stack starts at the script's call. */
    function fromCaller(e) {
        const lines = String(e.stack).split('\n');
        e.stack = lines.filter((l, i) => i === 0 || !/[ (]drgn\.js:\d+:\d+\)?$/.test(l)).join('\n');
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
        const names = Object.keys(flagEnum).filter((k) => isNaN(k) && (value & flagEnum[k]) === flagEnum[k]);
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

        toString() { return `Thread(tid=${this.tid})`; }
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
                return;
            }
            if (platform !== null && !(platform instanceof Platform)) throw fromCaller(new TypeError('platform must be Platform or null'));
            this.#j = rt.newProgram(platform === null ? null : platform.arch, platform === null ? 0 : platform.flags);
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

        toString() { return '[object Program]'; }
    }

    function programFromCoreDump(path) {
        const prog = new Program();
        prog.setCoreDump(path);
        return prog;
    }

    const drgn = Object.freeze({
        Program, Platform, Symbol, Thread,
        Architecture, PlatformFlags, ProgramFlags, SymbolBinding, SymbolKind,
        FaultError, LookupError, KeyError, ValueError, MissingDebugInfoError, ObjectAbsentError,
        OutOfBoundsError, OSError,
        hostPlatform, programFromCoreDump, flagNames,
    });

    return { drgn, wrap: (java) => new Program(WRAP, java) };
})
