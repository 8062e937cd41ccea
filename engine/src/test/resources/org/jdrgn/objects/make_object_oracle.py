#!/usr/bin/python3
"""Oracle for org.jdrgn.objects: evaluates a list of cases with real drgn 0.0.22 on a mock
program (fixed memory, hand-built types) and prints one "CASE<TAB>RESULT" line per case.
ObjectOracleTest builds the same program in Java (MockProgram) and evaluates every case.

Run: /usr/bin/python3 make_object_oracle.py > object_oracle.txt

Case syntax (space-separated words): an operator then operands. An object operand is a
fixture name followed by a path (.member, [index]) with an optional prefix '&' (address_of_)
or '*' (dereference, obj[0]); '#' starts a Python literal (#5, #-1, #1.5, #True); 't:NAME'
names a fixture type. Results: repr for objects (str for str/fmt), Python repr for other
values, "!ErrorName: message" for exceptions; backslash, newline and tab are escaped.
"""
import math
import operator
import struct
import sys

import drgn
from drgn import Object, Program, Qualifiers, TypeEnumerator, TypeMember, TypeParameter, host_platform

BASE = 0x10000
mem = bytearray(0x500)


def put(off, fmt, *vals):
    struct.pack_into('<' + fmt, mem, off, *vals)


# struct rect at 0x000
put(0x000, 'iiiiQ', 1, 2, 30, 40, BASE + 0x64)
mem[0x64:0x70] = b'hello, drgn\0'
# struct flags at 0x080: ready=1 mode=5 delta=-3 big=0x123456789a c=BLUE
put(0x080, 'I', 1 | (5 << 1) | ((-3 & 31) << 4))
put(0x088, 'Q', 0x123456789a | (0xff << 40))
# struct tagged [2] at 0x0a0
put(0x0a0, 'iixxxxhhxxxx', 1, -17, 3, 4)
put(0x0b8, 'ixxxxQhhxxxx', 2, BASE + 0x64, -1, 1)
# int [10] at 0x0d0
put(0x0d0, '10i', 1, 2, 3, 0, 5, 0, 0, 0, 0, 0)
# struct item at 0x100 and 0x140, list_head at 0x180
put(0x100, 'I', 1); mem[0x104:0x110] = b'alpha\0\0\0\0\0\0\0'
put(0x110, 'QQQQ', BASE + 0x150, BASE + 0x180, 0, BASE + 0x200)
put(0x140, 'I', 2); mem[0x144:0x150] = b'beta\0\0\0\0\0\0\0\0'
put(0x150, 'QQQQ', BASE + 0x180, BASE + 0x110, BASE + 0x100, BASE + 0x200)
put(0x180, 'QQ', BASE + 0x110, BASE + 0x150)
# scalars
put(0x200, 'i', 42)
put(0x208, 'd', 2.5)
mem[0x210:0x218] = b'HGFEDCBA'
mem[0x220:0x224] = b'AB\0C'
put(0x230, '12i', *[i * 10 + j for i in range(3) for j in range(4)])
put(0x260, '40q', *range(1, 41))
put(0x3a0, 'QQQQ', BASE + 0x64, 0, 8, BASE + 0x400)
mem[0x400:0x410] = b'a\x01\x7f\x80"\'\\\n\t\xffz\0\0\0\0\0'
put(0x410, 'f', 0.1)
put(0x418, 'q', -1)

prog = Program(host_platform)
prog.add_memory_segment(BASE, len(mem), lambda a, c, o, p: bytes(mem[o:o + c]), False)

T = {}
T['int'] = i = prog.int_type('int', 4, True)
T['uint'] = ui = prog.int_type('unsigned int', 4, False)
T['char'] = ch = prog.int_type('char', 1, True)
T['schar'] = prog.int_type('signed char', 1, True)
T['uchar'] = uch = prog.int_type('unsigned char', 1, False)
T['short'] = sh = prog.int_type('short', 2, True)
T['ushort'] = prog.int_type('unsigned short', 2, False)
T['long'] = lg = prog.int_type('long', 8, True)
T['ulong'] = prog.int_type('unsigned long', 8, False)
T['llong'] = prog.int_type('long long', 8, True)
T['ullong'] = ull = prog.int_type('unsigned long long', 8, False)
T['bool'] = prog.bool_type('_Bool', 1)
T['double'] = dbl = prog.float_type('double', 8)
T['float'] = flt = prog.float_type('float', 4)
T['u8'] = prog.int_type('uint8_t', 1, False)
T['u32'] = prog.typedef_type('u32', ui)
T['i64'] = prog.typedef_type('int64_t', lg)
T['size_t'] = prog.type('size_t')
T['void'] = prog.void_type()
T['cint'] = i.qualified(Qualifiers.CONST)
T['ptr_int'] = prog.pointer_type(i)
T['ptr_void'] = prog.pointer_type(prog.void_type())
T['ptr_char'] = prog.pointer_type(ch)
T['ptr_cchar'] = cp = prog.pointer_type(ch.qualified(Qualifiers.CONST))
T['ptr_uchar'] = prog.pointer_type(uch)
T['ptr_ptr_int'] = prog.pointer_type(T['ptr_int'])
T['color'] = prog.enum_type('color', i, [TypeEnumerator('RED', 0), TypeEnumerator('GREEN', 5), TypeEnumerator('BLUE', -1)])
T['small'] = prog.enum_type('small_enum', uch, [TypeEnumerator('SMALL_A', 1), TypeEnumerator('SMALL_B', 200)])
T['ecount'] = prog.enum_type('ecount', ui, [TypeEnumerator('ZERO', 0), TypeEnumerator('ONE', 1)])
T['point'] = pt = prog.struct_type('point', 8, [TypeMember(i, 'x', 0), TypeMember(i, 'y', 32)])
T['rect'] = rect = prog.struct_type('rect', 24, [TypeMember(pt, 'tl', 0), TypeMember(pt, 'br', 64), TypeMember(cp, 'name', 128)])
T['value'] = prog.union_type('value', 8, [TypeMember(T['i64'], 'i', 0), TypeMember(dbl, 'd', 0),
                                           TypeMember(prog.array_type(uch, 8), 'bytes', 0), TypeMember(pt, 'p', 0)])
def bitfield(t, name, off, size):
    return TypeMember(Object(prog, t, bit_field_size=size), name, off)
T['flags'] = prog.struct_type('flags', 16, [bitfield(ui, 'ready', 0, 1), bitfield(ui, 'mode', 1, 3),
                                             bitfield(i, 'delta', 4, 5), bitfield(ull, 'big', 64, 40),
                                             bitfield(T['color'], 'c', 104, 8)])
anon_u = prog.union_type(None, 8, [TypeMember(i, 'i', 0), TypeMember(flt, 'f', 0), TypeMember(cp, 's', 0)])
anon_s = prog.struct_type(None, 4, [TypeMember(sh, 'lo', 0), TypeMember(sh, 'hi', 16)])
T['tagged'] = prog.struct_type('tagged', 24, [TypeMember(i, 'kind', 0), TypeMember(anon_u, None, 64), TypeMember(anon_s, None, 128)])
T['list_head'] = lh = prog.struct_type('list_head', 16, [])
lhp = prog.pointer_type(lh)
T['list_head'] = lh = prog.struct_type('list_head', 16, [TypeMember(lambda: prog.pointer_type(T['list_head']), 'next', 0),
                                                        TypeMember(lambda: prog.pointer_type(T['list_head']), 'prev', 64)])
T['user_id_t'] = prog.typedef_type('user_id_t', prog.typedef_type('tc_id_t', T['u32']))
T['item'] = prog.struct_type('item', 48, [TypeMember(T['user_id_t'], 'id', 0), TypeMember(prog.array_type(ch, 12), 'name', 32),
                                           TypeMember(lh, 'node', 128), TypeMember(lambda: prog.pointer_type(T['item']), 'hnext', 256),
                                           TypeMember(prog.pointer_type(i.qualified(Qualifiers.CONST | Qualifiers.VOLATILE)), 'cvp', 320)])
T['foo'] = prog.struct_type('foo')
T['fn'] = prog.function_type(i, (TypeParameter(i, 'a'), TypeParameter(i, 'b')))
T['binop_fn'] = prog.typedef_type('binop_fn', prog.pointer_type(T['fn']))
T['arr_int10'] = prog.array_type(i, 10)
T['arr_int'] = prog.array_type(i)
T['arr_uchar4'] = prog.array_type(uch, 4)
T['arr_char16'] = prog.array_type(ch, 16)
T['arr_point3'] = prog.array_type(pt, 3)
T['matrix'] = prog.array_type(prog.array_type(i, 4), 3)
T['arr_long40'] = prog.array_type(lg, 40)
T['arr_strs'] = prog.array_type(cp, 4)
T['arr_u8_4'] = prog.array_type(T['u8'], 4)
T['ptr_point'] = prog.pointer_type(pt)
T['ptr_rect'] = prog.pointer_type(rect)
T['ptr_foo'] = prog.pointer_type(T['foo'])
T['ptr_arr_int2'] = prog.pointer_type(prog.array_type(i, 2))
T['ptr_fn'] = prog.pointer_type(T['fn'])
T['ptr_item'] = prog.pointer_type(T['item'])

O = {}
def ref(name, t, off, **kw): O[name] = Object(prog, T[t], address=BASE + off, **kw)
def val(name, t, v, **kw): O[name] = Object(prog, T[t], value=v, **kw)

ref('rect', 'rect', 0x000); ref('flags', 'flags', 0x080); ref('tag', 'tagged', 0x0a0)
O['tags'] = Object(prog, prog.array_type(T['tagged'], 2), address=BASE + 0x0a0)
ref('arr10', 'arr_int10', 0x0d0); ref('item0', 'item', 0x100); ref('item1', 'item', 0x140)
ref('head', 'list_head', 0x180); ref('gint', 'int', 0x200); ref('gdbl', 'double', 0x208)
ref('val', 'value', 0x210); ref('ucarr', 'arr_uchar4', 0x220); ref('matrix', 'matrix', 0x230)
ref('big40', 'arr_long40', 0x260); ref('strs', 'arr_strs', 0x3a0); ref('esc', 'arr_char16', 0x400)
ref('gflt', 'float', 0x410); ref('gneg', 'long', 0x418); ref('u8arr', 'arr_u8_4', 0x220)
ref('foo', 'foo', 0x000); ref('func', 'fn', 0x000); ref('iarr', 'arr_int', 0x0d0)
ref('gcint', 'cint', 0x200); ref('bfref', 'uint', 0x080, bit_offset=1, bit_field_size=3)
ref('gvoid', 'void', 0x200); ref('gint_off', 'int', 0x200, bit_offset=12)
val('i5', 'int', 5); val('in3', 'int', -3); val('imin', 'int', -2**31); val('ui7', 'uint', 7)
val('uimax', 'uint', 2**32 - 1); val('sh2', 'short', 2); val('ush', 'ushort', 65535)
val('ul1', 'ulong', 1); val('l9', 'long', 9); val('lmin', 'long', -2**63); val('ullmax', 'ullong', 2**64 - 1)
val('b1', 'bool', 1); val('b5', 'bool', 5); val('e5', 'color', 5); val('eblue', 'color', -1); val('e3', 'color', 3)
val('s200', 'small', 200); val('ec1', 'ecount', 1); val('d2', 'double', 2.5); val('f1', 'float', 1.5)
val('dnan', 'double', float('nan')); val('dinf', 'double', float('-inf')); val('dneg0', 'double', -0.0)
val('d1e20', 'double', 1e20); val('dtenth', 'double', 0.1); val('dtiny', 'double', 1e-300); val('ch65', 'char', 65)
val('uc200', 'uchar', 200); val('u8v', 'u8', 200); val('u32v', 'u32', 7); val('i64v', 'i64', -5); val('szt', 'size_t', 10)
val('bf', 'uint', 5, bit_field_size=3); val('bfs', 'int', -3, bit_field_size=5)
val('p', 'ptr_int', BASE); val('p2', 'ptr_int', BASE + 8); val('vp', 'ptr_void', BASE); val('cp', 'ptr_char', BASE + 0x64)
val('nullp', 'ptr_point', 0); val('badp', 'ptr_int', 8); val('rectp', 'ptr_rect', BASE); val('foop', 'ptr_foo', BASE)
val('parr', 'ptr_arr_int2', BASE); val('fnp', 'ptr_fn', BASE); val('binop', 'binop_fn', BASE); val('pp', 'ptr_ptr_int', BASE + 8)
val('itemp', 'ptr_item', BASE + 0x100); val('ucp', 'ptr_uchar', BASE + 0x64)
val('ptv', 'point', {'x': 1, 'y': 2}); val('pt0', 'point', {}); val('ptx0', 'point', {'y': 3})
val('arrv', 'arr_int10', [1, 2, 3, 0, 5]); val('zeros', 'arr_int10', []); val('pts', 'arr_point3', [{'x': 1, 'y': 2}, {'x': 3, 'y': 4}])
val('big40v', 'arr_long40', list(range(1, 41)))
val('flagsv', 'flags', {'ready': 1, 'mode': 5, 'delta': -3, 'big': 0x123456789a, 'c': -1})
val('tagv', 'tagged', {'kind': 1, 'i': -17, 'lo': 3, 'hi': 4})
O['absent_int'] = Object(prog, T['int']); O['absent_pt'] = Object(prog, T['point'])
O['absent_p'] = Object(prog, T['ptr_int']); O['absent_bf'] = Object(prog, T['int'], bit_field_size=4)
O['void_obj'] = Object(prog, T['void'])

NAMES = list(O)


def operand(s):
    if s.startswith('#'):
        return eval(s[1:])
    prefix = ''
    while s[0] in '&*':
        prefix = s[0] + prefix
        s = s[1:]
    name = ''
    k = 0
    while k < len(s) and (s[k].isalnum() or s[k] == '_'):
        k += 1
    o = O[s[:k]]
    s = s[k:]
    while s:
        if s[0] == '.':
            k = 1
            while k < len(s) and (s[k].isalnum() or s[k] == '_'):
                k += 1
            o = o.member_(s[1:k])
        else:
            k = s.index(']')
            o = o[int(s[1:k])]
        s = s[k + 1 if s[0] == '[' else k:]
    for c in prefix:
        o = o.address_of_() if c == '&' else o[0]
    return o


BIN = {'+': operator.add, '-': operator.sub, '*': operator.mul, '/': operator.truediv, '%': operator.mod,
       '<<': operator.lshift, '>>': operator.rshift, '&': operator.and_, '|': operator.or_, '^': operator.xor,
       '==': operator.eq, '!=': operator.ne, '<': operator.lt, '<=': operator.le, '>': operator.gt, '>=': operator.ge}
UN = {'neg': operator.neg, 'pos': operator.pos, 'inv': operator.invert}
CONV = {'int': int, 'float': float, 'index': operator.index, 'bool': bool, 'round': round,
        'trunc': math.trunc, 'floor': math.floor, 'ceil': math.ceil, 'len': len}


def evaluate(words):
    op = words[0]
    a = words[1:]
    if op == 'repr': return operand(a[0])
    if op == 'str': return str(operand(a[0]))
    if op == 'fmt':
        kw = {}
        for item in a[1].split(','):
            k, v = item.split('=')
            kw[k] = int(v) if k == 'columns' else bool(int(v))
        return operand(a[0]).format_(**kw)
    if op == 'value': return operand(a[0]).value_()
    if op == 'read': return operand(a[0]).read_()
    if op == 'bytes': return operand(a[0]).to_bytes_()
    if op == 'string': return operand(a[0]).string_()
    if op == 'sizeof': return drgn.sizeof(operand(a[0]))
    if op == 'addr': return operand(a[0]).address_of_()
    if op == 'attrs':
        o = operand(a[0])
        return (o.address_, o.bit_offset_, o.bit_field_size_, o.absent_)
    if op in CONV: return CONV[op](operand(a[0]))
    if op in UN: return UN[op](operand(a[0]))
    if op == 'bin': return BIN[a[0]](operand(a[1]), operand(a[2]))
    if op == 'cast': return drgn.cast(T[a[0][2:]], operand(a[1]))
    if op == 'reinterpret': return drgn.reinterpret(T[a[0][2:]], operand(a[1]))
    if op == 'container_of': return drgn.container_of(operand(a[0]), T[a[1][2:]], a[2])
    if op == 'slice':
        lo = None if a[1] == '_' else int(a[1])
        hi = None if a[2] == '_' else int(a[2])
        return operand(a[0])[lo:hi]
    if op == 'lit': return Object(prog, value=eval(a[0]))
    if op == 'new':
        kw = {}
        if len(a) > 2: kw['bit_field_size'] = int(a[2])
        return Object(prog, T[a[0][2:]], value=eval(a[1]), **kw)
    if op == 'newref':
        return Object(prog, T[a[0][2:]], address=int(a[1], 0), bit_offset=int(a[2]), bit_field_size=int(a[3]) or None)
    if op == 'frombytes':
        return Object.from_bytes_(prog, T[a[0][2:]], bytes.fromhex(a[1]), bit_offset=int(a[2]),
                                  bit_field_size=int(a[3]) or None)
    raise ValueError(op)


def cases():
    for n in NAMES:
        for op in ('repr', 'str', 'value', 'read', 'bytes', 'sizeof', 'int', 'float', 'index', 'bool', 'round',
                   'trunc', 'floor', 'ceil', 'len', 'string', 'addr', 'attrs', 'neg', 'pos', 'inv'):
            yield f'{op} {n}'
    paths = ['rect.tl', 'rect.tl.x', 'rect.br.y', 'rect.name', '*rect.name', 'rect.nope', 'flags.ready', 'flags.mode',
             'flags.delta', 'flags.big', 'flags.c', 'tag.kind', 'tag.i', 'tag.f', 'tag.s', 'tag.lo', 'tag.hi',
             'tags[1].s', 'tags[1].hi', 'tags[-1]', 'arr10[3]', 'arr10[4]', 'arr10[-1]', 'arr10[12]', 'iarr[2]',
             'item0.name', 'item0.node', 'item0.node.next', 'item0.node.next.prev', 'item0.hnext', 'item0.cvp',
             '*item0.cvp', 'item1.hnext.name', 'item1.hnext.id', 'itemp.name', 'itemp.node.next.next', 'head.next',
             'val.i', 'val.d', 'val.bytes', 'val.p', 'val.p.y', 'matrix[2]', 'matrix[2][3]', 'big40[39]',
             'strs[0]', 'strs[1]', 'strs[2]', 'strs[3]', 'esc', 'p[1]', 'p[-1]', '*p', '*vp', 'vp[1]', '*pp', '**pp',
             'rectp.br', 'rectp.name', '*rectp', 'foop.x', '*foop', 'foo.x', 'nullp.x', '*nullp', 'badp[0]', '*badp',
             'ptv.x', 'ptv.y', 'ptv.z', 'pts[1]', 'pts[1].y', 'pts[2]', 'pts[3]', 'pts[-1]', 'arrv[4]', 'arrv[10]',
             'flagsv.delta', 'flagsv.big', 'flagsv.c', 'tagv.lo', 'tagv.i', 'tagv.s', 'absent_pt.x', 'absent_pt.y',
             'i5.x', 'p.x', 'i5[0]', 'gcint', 'gint_off', 'bfref', '&rect', '&rect.br', '&rect.br.y', '&flags.mode',
             '&arr10[3]', '&matrix[1]', '&tags[1].hi', '&gint_off', '&absent_int', '&func', '*fnp', '*binop', 'parr[0]',
             '*parr', 'parr[1][1]', 'ucarr', 'u8arr', 'cp[1]', 'ucp[0]', 'func']
    for path in paths:
        for op in ('repr', 'str', 'value'):
            yield f'{op} {path}'
    # formatting options
    flags = ['dereference', 'symbolize', 'string', 'char', 'type_name', 'member_type_names', 'element_type_names',
             'members_same_line', 'elements_same_line', 'member_names', 'element_indices', 'implicit_members',
             'implicit_elements']
    fmt_objs = ['rect', 'flags', 'tag', 'tags', 'arr10', 'item0', 'item0.node', 'val', 'ucarr', 'matrix', 'strs',
                'esc', 'p', 'cp', 'ucp', 'vp', 'nullp', 'badp', 'rectp', 'foop', 'parr', 'pp', 'itemp', 'ptv', 'ptx0',
                'pt0', 'arrv', 'zeros', 'pts', 'flagsv', 'tagv', 'ch65', 'uc200', 'u8arr', 'e5', 'e3', 'eblue', 's200',
                'b5', 'gflt', 'gdbl', 'dnan', 'dinf', 'dneg0', 'd1e20', 'dtenth', 'dtiny', 'absent_p', 'absent_pt',
                'bf', 'bfs', 'func', 'fnp', 'binop', 'iarr', 'gneg', 'ullmax', 'lmin', 'big40v']
    for o in fmt_objs:
        for f in flags:
            yield f'fmt {o} {f}=0'
            yield f'fmt {o} {f}=1'
    combos = ['members_same_line=1', 'members_same_line=1,member_type_names=0', 'element_indices=1,implicit_elements=1',
              'element_indices=1,elements_same_line=0', 'member_names=0,members_same_line=1', 'implicit_members=0',
              'implicit_members=0,members_same_line=1', 'element_type_names=1,elements_same_line=0',
              'string=0,char=1', 'type_name=0,member_type_names=0', 'dereference=0,string=0']
    for o in fmt_objs:
        for c in combos:
            yield f'fmt {o} {c}'
    for o in ['arrv', 'big40v', 'big40', 'matrix', 'pts', 'rect', 'tags', 'item0', 'strs', 'ptv', 'rectp', 'flagsv']:
        for cols in list(range(0, 90, 1)) + [100, 120, 200]:
            yield f'fmt {o} columns={cols}'
            yield f'fmt {o} columns={cols},members_same_line=1'
            yield f'fmt {o} columns={cols},element_indices=1'
    # arithmetic
    arith = ['i5', 'in3', 'imin', 'ui7', 'uimax', 'sh2', 'ush', 'ul1', 'l9', 'lmin', 'ullmax', 'b1', 'e5', 'eblue',
             's200', 'd2', 'f1', 'ch65', 'uc200', 'u8v', 'u32v', 'i64v', 'szt', 'bf', 'bfs', 'p', 'p2', 'vp', 'ptv',
             'arr10', 'func', 'gint', 'flags.mode', 'absent_int', '#2', '#-1', '#0', '#1.5', '#2**40', '#2**63',
             '#True', '#33', '#64']
    for x in arith:
        for y in arith:
            if x.startswith('#') and y.startswith('#'):
                continue
            for op in BIN:
                # drgn 0.0.22 dies of SIGFPE on LONG_MIN / -1 (C undefined behaviour); jdrgn wraps
                if x == 'lmin' and op in '/%' and y in ('eblue', '#-1'):
                    continue
                yield f'bin {op} {x} {y}'
    for x in arith:
        if not x.startswith('#'):
            for u in ('neg', 'pos', 'inv', 'int', 'float', 'bool', 'index', 'round'):
                yield f'{u} {x}'
    # casts
    targets = ['int', 'uint', 'char', 'uchar', 'short', 'long', 'ulong', 'bool', 'double', 'float', 'u8', 'u32', 'color',
               'small', 'ptr_int', 'ptr_void', 'ptr_char', 'point', 'arr_int10', 'void', 'fn', 'i64', 'size_t']
    for x in ['i5', 'in3', 'uimax', 'ullmax', 'lmin', 'b5', 'e5', 'd2', 'dnan', 'dinf', 'f1', 'ch65', 'uc200', 'bf',
              'bfs', 'p', 'vp', 'ptv', 'arr10', 'rect', 'func', 'absent_int', 'gint', 'gdbl', 'flags.delta']:
        for t in targets:
            yield f'cast t:{t} {x}'
            yield f'reinterpret t:{t} {x}'
    for x, t, m in [('p', 'point', 'y'), ('&rect.br', 'rect', 'br'), ('&rect.br.y', 'rect', 'br.y'),
                    ('item0.node.next', 'item', 'node'), ('head.next', 'item', 'node'), ('i5', 'point', 'x'),
                    ('p', 'point', 'z'), ('&tags[1].hi', 'tagged', 'hi'), ('p', 'int', 'x'), ('vp', 'rect', 'name'),
                    ('arr10', 'point', 'y')]:
        yield f'container_of {x} t:{t} {m}'
    for x, lo, hi in [('arr10', 1, 4), ('arr10', '_', 3), ('arr10', 7, '_'), ('arr10', -2, 2), ('arr10', 5, 2),
                      ('arrv', 1, 4), ('arrv', 8, 12), ('arrv', '_', '_'), ('p', 0, 3), ('p', -1, 1), ('p', '_', 2),
                      ('p', 1, '_'), ('ucarr', 0, 2), ('matrix', 1, 3), ('i5', 0, 1), ('iarr', 0, 2), ('esc', 0, 5)]:
        for op in ('repr', 'str'):
            yield f'slice {x} {lo} {hi}'
    for v in ['0', '5', '-5', '2**31-1', '2**31', '-2**31', '-2**31-1', '2**32', '2**63-1', '2**63', '-2**63', '-2**63-1',
              '2**64-1', '2**64', '-2**64', 'True', 'False', '1.5', '-0.0', "'x'", 'None', '[1]']:
        yield f'lit {v.replace(" ", "")}'
    for t, v in [('int', '5'), ('int', '2**32+7'), ('int', '-1'), ('int', '1.5'), ('int', 'True'), ('int', "'x'"),
                 ('uint', '-1'), ('uint', '2**64'), ('char', '300'), ('bool', '2'), ('bool', '0'), ('double', '1'),
                 ('double', '2**70'), ('float', '0.1'), ('float', "'x'"), ('ptr_int', '0x1234'), ('ptr_int', '-1'),
                 ('ptr_int', '1.5'), ('point', "{'x': 1}"), ('point', "{'z': 1}"), ('point', "{'x': 1.5}"),
                 ('arr_int10', '[1, 2]'), ('arr_int10', 'list(range(11))'), ('arr_int10', '5'), ('arr_point3', "[{'y': 9}]"),
                 ('color', '5'), ('color', '-1'), ('small', '456'), ('flags', "{'mode': 9, 'delta': 31, 'c': 5}"),
                 ('tagged', "{'s': 0x10064, 'hi': -2}"), ('rect', "{'tl': {'x': 3}, 'name': 0x10064}"), ('void', '0'),
                 ('foo', '0'), ('fn', '0'), ('arr_int', '[1]'), ('value', "{'d': 1.0}"), ('u8', '256+9'), ('size_t', '-1')]:
        yield f'new t:{t} {v.replace(" ", "")}'
    for t, v, b in [('int', '-1', 3), ('uint', '9', 3), ('int', '5', 0), ('int', '5', 33), ('double', '1.0', 3), ('int', '5', -1),
                    ('ullong', '2**40-1', 40), ('color', '-1', 8), ('point', '{}', 4), ('bool', '1', 1)]:
        yield f'new t:{t} {v} {b}'
    for t, a, bo, bfs in [('int', '0x10200', 0, 0), ('int', '0x10200', 12, 0), ('int', '0x10200', 3, 5), ('int', '0x10080', 4, 5),
                          ('uint', '0x10080', 1, 3), ('point', '0x10000', 8, 0), ('point', '0x10000', 0, 3),
                          ('double', '0x10000', 0, 3), ('int', '0x10200', 0, 40), ('void', '0x10200', 0, 0)]:
        yield f'newref t:{t} {a} {bo} {bfs}'
    for t, h, bo, bfs in [('int', '01000000', 0, 0), ('int', '0100', 0, 0), ('int', 'ff00000000', 4, 0),
                          ('uint', 'ff', 1, 3), ('int', 'ff', 1, 3), ('point', '0100000002000000', 0, 0),
                          ('point', '010000000200000003', 4, 0), ('double', '000000000000f03f', 0, 0),
                          ('arr_uchar4', '41424344', 0, 0), ('void', '00', 0, 0), ('foo', '00', 0, 0),
                          ('ptr_int', '0800010000000000', 0, 0), ('flags', '00' * 16, 0, 0)]:
        for op in ('repr', 'str'):
            yield f'frombytes t:{t} {h} {bo} {bfs}'


def render(v):
    if isinstance(v, Object):
        return repr(v)
    return repr(v)


def esc(s):
    return s.replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t')


def main():
    out = sys.stdout
    out.write('# generated by make_object_oracle.py with drgn %s\n' % drgn.__version__)
    out.write('memory 0x%x %s\n' % (BASE, mem.hex()))
    seen = set()
    for case in cases():
        if case in seen:
            continue
        seen.add(case)
        words = case.split(' ')
        try:
            r = evaluate(words)
            text = r if words[0] in ('str', 'fmt') else render(r)
        except Exception as e:
            text = '!%s: %s' % (type(e).__name__, e)
        out.write(esc(case) + '\t' + esc(text) + '\n')


main()
