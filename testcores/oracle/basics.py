# basics.py - run as: /usr/bin/python3 -m drgn -c CORE basics.py
# Program-level facts about a core, one per line, "key<TAB>value", in a fixed
# order (no masking: every value is a fact of the committed core).
# Values: integers/addresses as 0x-hex (except counts and tids: decimal);
# symbols as "<name> 0x<address> 0x<size> <BINDING> <KIND>";
# any failure as "ERROR <ExceptionType>: <str(exception)>".
import drgn

NAMES = ['g_workers', 'g_mode', 'g_worker_list', 'g_int', 'g_str', 's_counter',
         't_idx', 't_depth', 'main', 'tc_checkpoint', '_start', 'malloc',
         'printf', 'environ', '__libc_start_main', 'no_such_symbol']
WIDTHS = (('read_u8', 1), ('read_u16', 2), ('read_u32', 4), ('read_u64', 8),
          ('read_word', 8))
FAULT_ADDRESSES = (0x10, 0xffffffffffff0000)


def emit(key, value):
    print(f'{key}\t{value}')


def err(e):
    return f'ERROR {type(e).__name__}: {e}'


def attempt(fn):
    try:
        return fn()
    except Exception as e:      # noqa: BLE001 - every failure is a fact here
        return err(e)


def flag_names(flags):
    names = [f.name for f in type(flags) if f in flags and f.value]
    return '|'.join(names) if names else '-'


def sym(s):
    return f'{s.name} {s.address:#x} {s.size:#x} {s.binding.name} {s.kind.name}'


def read_facts(addr):
    emit(f'read@{addr:#x}', attempt(lambda: prog.read(addr, 16).hex()))
    for method, _ in WIDTHS:
        emit(f'{method}@{addr:#x}',
             attempt(lambda m=method: f'{getattr(prog, m)(addr):#x}'))


# ------------------------------------------------------------ platform, flags
emit('platform.arch', prog.platform.arch.name)
emit('platform.flags', f'{prog.platform.flags.value:#x}')
emit('platform.flags.names', flag_names(prog.platform.flags))
emit('prog.flags', f'{prog.flags.value:#x}')
emit('prog.flags.names', flag_names(prog.flags))

# ------------------------------------------------------------ threads
tids = sorted(t.tid for t in prog.threads())
emit('threads.count', len(tids))
emit('threads', ','.join(map(str, tids)))
emit('crashed_thread.tid', attempt(lambda: prog.crashed_thread().tid))
emit('main_thread.tid', attempt(lambda: prog.main_thread().tid))
for tid in tids:
    regs = attempt(lambda: prog.thread(tid).stack_trace()[0].registers())
    for r in ('rip', 'rsp'):
        emit(f'thread.{tid}.{r}', regs if isinstance(regs, str) else f'{regs[r]:#x}')

# ------------------------------------------------------------ symbols
found = []
for name in NAMES:
    try:
        s = prog.symbol(name)
    except Exception as e:      # noqa: BLE001
        emit(f'symbol.{name}', err(e))
        continue
    emit(f'symbol.{name}', sym(s))
    found.append(s)

probes = []
for s in found:
    probes.append(s.address)
    if s.kind == drgn.SymbolKind.FUNC and s.size > 1:
        probes += [s.address + 1, s.address + s.size // 2, s.address + s.size - 1]
    probes.append(s.address + s.size)     # one past the end
for addr in dict.fromkeys(probes):       # unique keys, first-seen order
    emit(f'symbol@{addr:#x}', attempt(lambda: sym(prog.symbol(addr))))

emit('symbols.count', attempt(lambda: len(prog.symbols())))
for name in NAMES:
    emit(f'symbols.{name}.count', attempt(lambda: len(prog.symbols(name))))

# ------------------------------------------------------------ raw reads
read_addresses = [s.address for s in found]
for addr in dict.fromkeys(read_addresses):
    read_facts(addr)
try:
    sp = prog.crashed_thread().stack_trace()[0].registers()['rsp']
    emit('crashed.rsp', f'{sp:#x}')
    if sp not in read_addresses:
        read_facts(sp)
except Exception as e:          # noqa: BLE001
    emit('crashed.rsp', err(e))

for addr in FAULT_ADDRESSES:
    try:
        prog.read(addr, 16)
        emit(f'fault@{addr:#x}.type', 'none')
    except drgn.FaultError as e:
        emit(f'fault@{addr:#x}.type', type(e).__name__)
        emit(f'fault@{addr:#x}.message', str(e))
        emit(f'fault@{addr:#x}.args', repr(e.args))
        emit(f'fault@{addr:#x}.address', f'{e.address:#x}')
