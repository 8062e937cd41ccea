// drgn.helpers for JavaScript: every Linux helper of the Java registry
// (org.jdrgn.linux.helpers.HelperRegistry, through JsProgram.helper), by drgn's name in
// camelCase: drgn.helpers.forEachTask(prog), drgn.helpers.listForEachEntry('struct task_struct',
// head, 'tasks'), drgn.helpers.dPath(path). Adapters only, as drgn.js: no kernel semantics.
//
// The value of this script is a function drgn.js calls with its internals and the registry's
// [name, shape] pairs; it returns the frozen helpers namespace.
(function (d, shapes) {
    'use strict';

    const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

    function javaArg(a) {
        if (a === null || a === undefined) return null;
        if (a instanceof d.DrgnObject || a instanceof d.Type) return a[d.J];
        if (typeof a === 'bigint') return d.toSigned(BigInt.asIntN(64, a), 'argument');
        if (typeof a === 'number' || typeof a === 'boolean' || typeof a === 'string') return a;
        throw d.fromCaller(new TypeError(`unsupported helper argument ${String(a)}`));
    }

    /** A Java result as JS: Objects, arrays, bytes as Uint8Array, numbers (BigInt past 2^53). */
    function jsValue(prog, r) {
        if (r === null || r === undefined || typeof r === 'boolean' || typeof r === 'bigint') return r;
        if (typeof r === 'number') return r;
        if (typeof r === 'string') return BigInt(r);              // an unsigned value past 2^63
        if (typeof r.repr === 'function') return d.objectOf(prog, r); // a JsObject
        if (typeof r.length === 'number') return Array.from(r, (x) => jsValue(prog, x));
        if (typeof r === 'object' && typeof r.valueOf === 'function' && typeof r.valueOf() === 'number') return r.valueOf();
        return new Uint8Array(new ArrayBuffer(r));              // a ByteBuffer
    }

    function helper(name, shape) {
        return function (...args) {
            let prog;
            if (shape === 'PROGRAM' || shape === 'OBJECT_OR_PROGRAM') {
                const head = args[0];
                if (head instanceof d.Program) {
                    prog = head;
                    args = shape === 'PROGRAM' ? args.slice(1) : [null, ...args.slice(1)];
                } else if (shape === 'OBJECT_OR_PROGRAM' && head instanceof d.DrgnObject) {
                    prog = head[d.PROG];
                } else {
                    throw d.fromCaller(new TypeError(`${camel(name)}() needs a Program first`));
                }
            } else {
                const obj = args.find((a) => a instanceof d.DrgnObject);
                if (!obj) throw d.fromCaller(new TypeError(`${camel(name)}() needs an Object argument`));
                prog = obj[d.PROG];
            }
            return jsValue(prog, prog[d.J].helper(name, args.map(javaArg)));
        };
    }

    const helpers = {};
    for (const [name, shape] of shapes) helpers[camel(name)] = helper(name, shape);
    return Object.freeze(helpers);
})
