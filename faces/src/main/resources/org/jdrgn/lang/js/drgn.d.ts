// TypeScript declarations of jdrgn's JavaScript API (drgn.js): the globals a script sees
// (`prog`, `drgn`, `scriptArgs`, `process`) and the `drgn` namespace, as a global script
// declaration: for editors, and for `tsc --allowJs --checkJs --strict --noEmit drgn.d.ts script.js`
// (one script per run: scripts share the global scope).
//
// Conventions, and where they differ from drgn's Python API:
// - 64-bit quantities (addresses, pcs, register and integer values) are BigInt; sizes, offsets,
//   tids and enum values are Number. Functions taking an address or index accept either.
// - JS has no operator overloading: `prog.get("x")` is drgn's `prog["x"]`; `a.sub_(b)` is
//   `a - b`; `a.eq_(b)` is `a == b` (C semantics, pointer difference gives ptrdiff_t).
// - An Object is a Proxy: `obj.member` reads a struct/union member (through a pointer too),
//   `obj[i]` subscripts an array or pointer. Its own methods and properties end in `_`
//   (drgn's rule), so they never hide a member; `obj.member_("x")` reaches any member.
// - `${obj}` and String(obj) are drgn's str(obj); numeric contexts get its value as BigInt.
// - Errors are drgn's classes (drgn.FaultError, drgn.LookupError, ...); Python's plain
//   Exception is Error, its ZeroDivisionError/OverflowError are RangeError.

/** The program given with -c/-p/-k (absent when jdrgn runs without one). */
declare const prog: drgn.Program;
/** [script path, ...arguments] */
declare const scriptArgs: readonly string[];
declare const process: { readonly argv: readonly string[]; exit(status?: number): never };
interface Console {
    log(...data: any[]): void;
    error(...data: any[]): void;
}
declare var console: Console;

/** The drgn namespace (a global object of drgn.js). */
declare namespace drgn {
    // (drgn's Object and Symbol classes below hide the global ones here: globalThis.Symbol is JS's)
    type IntegerLike = number | bigint;
    /** An integer Object or a Number/BigInt (CPU numbers, indexes). */
    type IntegerArg = IntegerLike | Object;
    type TypeArg = Type | string;

    // ---- enums: numeric, with reverse mapping (SymbolKind[2] === "FUNC") -----------------
    const Architecture: {
        readonly UNKNOWN: 0; readonly X86_64: 1; readonly I386: 2; readonly AARCH64: 3; readonly ARM: 4;
        readonly PPC64: 5; readonly RISCV64: 6; readonly RISCV32: 7; readonly S390X: 8; readonly S390: 9;
        readonly [value: number]: string;
    };
    const PlatformFlags: { readonly IS_64_BIT: 1; readonly IS_LITTLE_ENDIAN: 2; readonly [value: number]: string };
    const ProgramFlags: { readonly IS_LINUX_KERNEL: 1; readonly IS_LIVE: 2; readonly [value: number]: string };
    const SymbolBinding: {
        readonly UNKNOWN: 0; readonly LOCAL: 1; readonly GLOBAL: 2; readonly WEAK: 3; readonly UNIQUE: 11;
        readonly [value: number]: string;
    };
    const SymbolKind: {
        readonly UNKNOWN: 0; readonly OBJECT: 1; readonly FUNC: 2; readonly SECTION: 3; readonly FILE: 4;
        readonly COMMON: 5; readonly TLS: 6; readonly IFUNC: 10; readonly [value: number]: string;
    };
    const TypeKind: {
        readonly VOID: 1; readonly INT: 2; readonly BOOL: 3; readonly FLOAT: 4; readonly STRUCT: 5;
        readonly UNION: 6; readonly CLASS: 7; readonly ENUM: 8; readonly TYPEDEF: 9;
        readonly POINTER: 10; readonly ARRAY: 11; readonly FUNCTION: 12; readonly [value: number]: string;
    };
    const Qualifiers: { readonly NONE: 0; readonly CONST: 1; readonly VOLATILE: 2; readonly RESTRICT: 4; readonly ATOMIC: 8; readonly [value: number]: string };
    const FindObjectFlags: { readonly CONSTANT: 1; readonly FUNCTION: 2; readonly VARIABLE: 4; readonly ANY: 7; readonly [value: number]: string };
    /** Why an object is absent (drgn 0.0.25+). */
    const AbsenceReason: { readonly OTHER: 0; readonly OPTIMIZED_OUT: 1; readonly NOT_IMPLEMENTED: 2; readonly [value: number]: string };
    /** "IS_64_BIT|IS_LITTLE_ENDIAN" for a value of a flag enum; "0" for none. */
    function flagNames(flagEnum: object, value: number): string;

    // ---- errors ----------------------------------------------------------------------------
    class FaultError extends Error {
        constructor(message: string, address: IntegerLike);
        /** The message without the address (drgn's FaultError.message). */
        readonly reason: string;
        readonly address: bigint;
    }
    class LookupError extends Error {}
    class KeyError extends LookupError {}
    class ValueError extends Error {}
    class MissingDebugInfoError extends Error {}
    class ObjectAbsentError extends Error {}
    class OutOfBoundsError extends Error {}
    class OSError extends Error {
        readonly errno: number;
        readonly filename: string | null;
    }

    // ---- program ---------------------------------------------------------------------------
    class Platform {
        constructor(arch: number, flags?: number | null);
        readonly arch: number;
        readonly flags: number;
        readonly registers: readonly { readonly names: readonly string[] }[];
        equals(other: unknown): boolean;
    }
    const hostPlatform: Platform;

    class Symbol {
        readonly name: string;
        readonly address: bigint;
        readonly size: bigint;
        readonly binding: number;
        readonly kind: number;
        equals(other: unknown): boolean;
    }

    class Thread {
        readonly prog: Program;
        readonly tid: number;
        readonly name: string | null;
        stackTrace(): StackTrace;
    }

    class Program {
        constructor(platform?: Platform | null);
        readonly platform: Platform | null;
        readonly flags: number;

        /** drgn's prog["name"]: a variable, constant or function; KeyError if none. */
        get(name: string): Object;
        /** drgn's `name in prog`. */
        has(name: string): boolean;
        object(name: string, flags?: number, filename?: string | null): Object;
        /** A C type name parsed in the program: "struct task_struct *", "unsigned long". */
        type(name: string, filename?: string | null): Type;
        /** A Thread, a thread ID, or an Object (a kernel `struct task_struct *`, or an integer tid). */
        stackTrace(thread: Thread | IntegerLike | Object): StackTrace;

        read(address: IntegerLike, size: IntegerLike, physical?: boolean): Uint8Array;
        readU8(address: IntegerLike, physical?: boolean): number;
        readU16(address: IntegerLike, physical?: boolean): number;
        readU32(address: IntegerLike, physical?: boolean): number;
        readU64(address: IntegerLike, physical?: boolean): bigint;
        readWord(address: IntegerLike, physical?: boolean): bigint;
        addMemorySegment(address: IntegerLike, size: IntegerLike,
                         readFn: (address: bigint, count: number, offset: bigint, physical: boolean) => Uint8Array | ArrayBuffer | number[],
                         physical?: boolean): void;
        setCoreDump(path: string): void;

        threads(): Thread[];
        thread(tid: IntegerLike): Thread;
        mainThread(): Thread;
        crashedThread(): Thread;
        symbol(addressOrName: IntegerLike | string): Symbol;
        symbols(addressOrName?: IntegerLike | string | null): Symbol[];
    }
    function programFromCoreDump(path: string): Program;

    // ---- types -----------------------------------------------------------------------------
    /** drgn's Type. Attributes a kind lacks throw drgn's error ("int type does not have members"). */
    class Type {
        private constructor();
        readonly prog: Program;
        /** A TypeKind value. */
        readonly kind: number;
        readonly primitive: number | null;
        /** Qualifiers bits. */
        readonly qualifiers: number;
        readonly language: string;
        readonly name: string;
        readonly tag: string | null;
        readonly size: number | null;
        readonly length: number | null;
        readonly isSigned: boolean;
        readonly byteorder: 'little' | 'big';
        /** The aliased, referenced, element or return type. */
        readonly type: Type;
        readonly members: readonly TypeMember[] | null;
        readonly enumerators: readonly { readonly name: string; readonly value: bigint }[] | null;
        readonly parameters: readonly { readonly name: string | null; readonly type: Type }[];
        readonly isVariadic: boolean;
        isComplete(): boolean;
        qualified(qualifiers: number): Type;
        unqualified(): Type;
        member(name: string): TypeMember;
        hasMember(name: string): boolean;
        sizeof(): number;
        alignof(): number;
        offsetof(memberDesignator: string): number;
        /** The C spelling of the type's name ("struct task_struct *"). */
        typeName(): string;
        /** drgn compares types by identity. */
        equals(other: unknown): boolean;
        /** drgn's str(type): the C definition. */
        toString(): string;
    }

    class TypeMember {
        readonly name: string | null;
        readonly type: Type;
        readonly bitOffset: number;
        readonly offset: number;
        readonly bitFieldSize: number | null;
    }

    // ---- objects ---------------------------------------------------------------------------
    /** format_() options: drgn's keywords, camelCase or snake_case. */
    interface FormatOptions {
        columns?: number;
        dereference?: boolean; symbolize?: boolean; string?: boolean; char?: boolean;
        typeName?: boolean; memberTypeNames?: boolean; elementTypeNames?: boolean;
        membersSameLine?: boolean; elementsSameLine?: boolean; memberNames?: boolean;
        elementIndices?: boolean; implicitMembers?: boolean; implicitElements?: boolean;
        [snakeCase: string]: boolean | number | undefined;
    }

    /** What value_() returns: BigInt for integers/enums/pointers, Number for floats. */
    type Value = bigint | number | boolean | { [member: string]: Value } | Value[];

    /**
     * drgn's Object. Also indexable: `obj.member` (a struct/union member, through a pointer)
     * and `obj[i]` (an array element or pointer subscript) return Objects.
     */
    class Object implements Iterable<Object> {
        /** A value ({value}), a reference ({address}) or, with neither, an absent object (for absenceReason, default OTHER). */
        constructor(prog: Program, type: TypeArg | null,
                    init?: { value?: IntegerLike | boolean | Object; address?: IntegerLike; absenceReason?: number });
        readonly [memberOrIndex: string]: any;

        readonly prog_: Program;
        readonly type_: Type;
        readonly address_: bigint | null;
        readonly absent_: boolean;
        /** An AbsenceReason value for an absent object (OPTIMIZED_OUT from debug info); null otherwise. */
        readonly absenceReason_: number | null;
        readonly bitOffset_: number | null;
        readonly bitFieldSize_: number | null;

        member_(name: string): Object;
        at_(index: IntegerLike): Object;
        deref_(): Object;
        addressOf_(): Object;
        read_(): Object;
        value_(): Value;
        /** The C string (up to NUL), UTF-8 decoded. */
        string_(): string;
        toBytes_(): Uint8Array;
        length_(): number;
        memberNames_(): string[];
        [globalThis.Symbol.iterator](): Iterator<Object>;

        /** Python's int(obj). */
        int_(): bigint;
        float_(): number;
        /** Python's bool(obj). */
        truth_(): boolean;

        add_(other: Object | IntegerLike): Object;
        /** Pointer minus pointer gives (ptrdiff_t)N, elements apart. */
        sub_(other: Object | IntegerLike): Object;
        mul_(other: Object | IntegerLike): Object;
        div_(other: Object | IntegerLike): Object;
        mod_(other: Object | IntegerLike): Object;
        lshift_(other: Object | IntegerLike): Object;
        rshift_(other: Object | IntegerLike): Object;
        and_(other: Object | IntegerLike): Object;
        or_(other: Object | IntegerLike): Object;
        xor_(other: Object | IntegerLike): Object;
        neg_(): Object;
        pos_(): Object;
        invert_(): Object;
        eq_(other: Object | IntegerLike | boolean): boolean;
        ne_(other: Object | IntegerLike | boolean): boolean;
        lt_(other: Object | IntegerLike | boolean): boolean;
        le_(other: Object | IntegerLike | boolean): boolean;
        gt_(other: Object | IntegerLike | boolean): boolean;
        ge_(other: Object | IntegerLike | boolean): boolean;

        format_(options?: FormatOptions): string;
        /** drgn's str(obj). */
        toString(): string;
        /** drgn's repr(obj). */
        repr_(): string;
        [globalThis.Symbol.toPrimitive](hint: string): string | bigint | number;
    }

    function cast(type: TypeArg, obj: Object): Object;
    function reinterpret(type: TypeArg, obj: Object): Object;
    function containerOf(ptr: Object, type: TypeArg, member: string): Object;
    function NULL(prog: Program, type: TypeArg): Object;
    function sizeof(typeOrObject: Type | Object): number;

    // ---- Linux kernel helpers (ValueError on other programs) -------------------------------
    /**
     * Every helper of drgn.helpers.linux that jdrgn implements in Java, by drgn's name in
     * camelCase (forEachTask, listForEachEntry, dPath, forEachSlabCache, ...): Objects,
     * arrays, numbers (BigInt past 2^53), booleans and bytes (Uint8Array) out.
     */
    const helpers: { readonly [name: string]: (...args: any[]) => any };
    function perCpuPtr(ptr: Object, cpu: IntegerArg): Object;
    function perCpu(variable: Object, cpu: IntegerArg): Object;
    function taskCpu(task: Object): number;
    function cpuCurr(prog: Program, cpu: IntegerArg): Object;
    function idleTask(prog: Program, cpu: IntegerArg): Object;
    /** drgn's get_dmesg(prog): "[    1.234567] text\n" lines, as bytes. */
    function getDmesg(prog: Program): Uint8Array;
    /** drgn's PrintkRecord, fields in camelCase. */
    interface PrintkRecord {
        /** The message without a trailing newline, as bytes (UTF-8 in practice). */
        readonly text: Uint8Array;
        readonly facility: number;
        readonly level: number;
        readonly seq: bigint;
        /** Nanoseconds since boot. */
        readonly timestamp: bigint;
        /** Null when logged outside task context. */
        readonly callerTid: number | null;
        /** Set only when logged outside task context. */
        readonly callerCpu: number | null;
        readonly continuation: boolean;
        /** /dev/kmsg metadata: SUBSYSTEM, DEVICE (only the keys the record has). */
        readonly context: { readonly SUBSYSTEM?: Uint8Array; readonly DEVICE?: Uint8Array; readonly [key: string]: Uint8Array | undefined };
    }
    /** drgn's get_printk_records(prog): the kernel log's records, oldest first. */
    function getPrintkRecords(prog: Program): PrintkRecord[];
    /** drgn's for_each_task(prog): struct task_struct * of init_pid_ns, in PID order. */
    function forEachTask(prog: Program): Object[];
    /** drgn's find_task(prog, pid): a struct task_struct *, NULL if there is no such task. */
    function findTask(prog: Program, pid: IntegerArg): Object;
    /** drgn's task_state_to_char(task): 'R', 'S', 'D', 'T', 't', 'X', 'Z', 'P' or 'I'. */
    function taskStateToChar(task: Object): string;

    // ---- stack traces ----------------------------------------------------------------------
    class StackFrame {
        readonly name: string | null;
        readonly isInline: boolean;
        readonly interrupted: boolean;
        /** A function the trace passes through by a tail call, proven by DWARF call sites (jdrgn's; printed "(tail call)"). */
        readonly isTailCall: boolean;
        readonly pc: bigint;
        /** LookupError when the stack pointer is not known. */
        readonly sp: bigint;
        symbol(): Symbol;
        /** [filename, line, column] */
        source(): readonly [string, number, number];
        registers(): { [name: string]: bigint };
        register(name: string): bigint;
        /** Names of the variables in scope. */
        locals(): string[];
        has(name: string): boolean;
        /** drgn's frame[name] (absent when optimized out); KeyError when not in scope. */
        get(name: string): Object;
        toString(): string;
    }

    class StackTrace implements Iterable<StackFrame> {
        readonly prog: Program;
        readonly length: number;
        readonly frames: readonly StackFrame[];
        at(index: number): StackFrame | undefined;
        [globalThis.Symbol.iterator](): Iterator<StackFrame>;
        /** drgn's str(trace). */
        toString(): string;
    }
}
