package org.jdrgn.program;

import org.jdrgn.elf.Symbol;
import java.util.List;
import java.util.Optional;
import org.jdrgn.core.Memory;
import org.jdrgn.core.SegmentMemory;
import org.jdrgn.error.LookupException;
import org.jdrgn.error.ValueErrorException;

/**
 * drgn's Program: the one façade scripts see. It owns the memory read path, threads and
 * symbols of one target, and delegates to the layers below; caches live here, keyed by
 * what they depend on. Mutable only through drgn's extension hooks (add_memory_segment…).
 */
public final class Program {
    private Platform platform;
    private int flags;
    private boolean attached;
    // User segments over the dump's memory: the dump is a segment spanning the whole
    // address space added first, so drgn's "the segment added last wins" covers both.
    private SegmentMemory memory = new SegmentMemory();
    private Target target = Target.EMPTY;      // threads and symbols of the dump

    private final ProgramTypes types = new ProgramTypes();

    public Program(Platform platform) {
        this.platform = platform;
        if (platform != null) types.platform(platform);
    }

    private final java.util.concurrent.ConcurrentHashMap<Class<?>, Object> caches = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A per-program cache owned by a higher layer (e.g. the stack-trace builder), created on
     * first use: caches live in the Program, never in statics.
     */
    public <T> T cache(Class<T> key, java.util.function.Function<Program, T> factory) {
        return key.cast(caches.computeIfAbsent(key, k -> factory.apply(this)));
    }

    /** Type lookup: prog.type(), type finders, default primitives. */
    public ProgramTypes types() { return types; }

    // ---- objects -----------------------------------------------------------------------

    private final java.util.List<ObjectFinder> objectFinders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ProgramObjectContext objectContext;

    /** What objects of this program read memory and look types up through (one per program: it caches). */
    public ProgramObjectContext objectContext() {
        ProgramObjectContext c = objectContext;
        if (c == null) {
            synchronized (this) {
                if (objectContext == null) objectContext = new ProgramObjectContext(this);
                c = objectContext;
            }
        }
        return c;
    }

    /** drgn's add_object_finder: asked before the ones added earlier (debug info is added first). */
    public void addObjectFinder(ObjectFinder finder) { objectFinders.add(0, finder); }

    /** prog.object(name, flags, filename); null if no finder knows it. */
    public org.jdrgn.objects.DrgnObject findObject(String name, int flags, String filename) {
        for (ObjectFinder f : objectFinders) {
            org.jdrgn.objects.DrgnObject o = f.find(name, flags, filename);
            if (o != null) return o;
        }
        return null;
    }

    /** prog.object / variable / function / constant with drgn's error messages. */
    public org.jdrgn.objects.DrgnObject object(String name, int flags, String filename) {
        org.jdrgn.objects.DrgnObject o = findObject(name, flags, filename);
        if (o != null) return o;
        String what = switch (flags) {
            case ObjectFinder.VARIABLE -> "variable ";
            case ObjectFinder.FUNCTION -> "function ";
            case ObjectFinder.CONSTANT -> "constant ";
            default -> "";
        };
        throw new LookupException("could not find " + what + "'" + name + "'"
                + (filename == null ? "" : " in '" + filename + "'"));
    }

    public Platform platform() { return platform; }

    public int flags() { return flags; }

    /** Attaches a loaded target (core dump, kernel): memory, threads, symbols. */
    public void attach(Platform platform, int flags, Memory dump, Target target) {
        if (attached) throw new ValueErrorException("program memory was already initialized");
        attached = true;
        if (this.platform == null) {
            this.platform = platform;
            types.platform(platform);
        }
        this.flags |= flags;
        this.target = target;
        SegmentMemory m = new SegmentMemory()
                .with(0, -1L, (offset, dst, dstOff, len) -> dump.read(offset, dst, dstOff, len, false), false)
                .with(0, -1L, (offset, dst, dstOff, len) -> dump.read(offset, dst, dstOff, len, true), true);
        for (SegmentMemory.Segment s : memory.segments()) m = m.with(s.address(), s.size(), s.reader(), s.physical());
        memory = m;
    }

    public Target target() { return target; }

    // ---- memory ------------------------------------------------------------------------

    public void addMemorySegment(long address, long size, SegmentReader reader, boolean physical) {
        memory = memory.with(address, size, (offset, dst, dstOff, len) -> {
            byte[] got = reader.read(address + offset, len, offset, physical);
            if (got == null || got.length != len) {
                throw new ValueErrorException("memory read callback returned buffer of length "
                        + (got == null ? 0 : got.length) + " (expected " + len + ")");
            }
            System.arraycopy(got, 0, dst, dstOff, len);
        }, physical);
    }

    /** The program's memory: user segments (later ones win) over the dump's memory. */
    public Memory memory() { return this::read; }

    public void read(long address, byte[] dst, int off, int len, boolean physical) {
        if (platform == null && memory.segments().isEmpty()) {
            throw new ValueErrorException("program address size is not known");
        }
        memory.read(address, dst, off, len, physical);
    }

    public byte[] read(long address, int size, boolean physical) {
        byte[] b = new byte[size];
        read(address, b, 0, size, physical);
        return b;
    }

    /** Reads an unsigned little/big-endian integer of 1, 2, 4 or 8 bytes. */
    public long readUnsigned(long address, int size, boolean physical) {
        byte[] b = read(address, size, physical);
        long v = 0;
        boolean le = platform == null || platform.isLittleEndian();
        for (int i = 0; i < size; i++) {
            int idx = le ? size - 1 - i : i;
            v = (v << 8) | (b[idx] & 0xff);
        }
        return v;
    }

    public long readWord(long address, boolean physical) {
        if (platform == null) throw new ValueErrorException("program word size is not known");
        return readUnsigned(address, platform.wordSize(), physical);
    }

    // ---- threads -----------------------------------------------------------------------

    public List<ProgramThread> threads() { return target.threads(); }

    public ProgramThread thread(long tid) {
        // drgn finds a kernel thread by its struct pid: the idle tasks (pid 0) have none, so
        // thread(0) fails although threads() lists init_task
        boolean kernel = (flags & ProgramFlags.IS_LINUX_KERNEL) != 0;
        if (!kernel || tid != 0) for (ProgramThread t : target.threads()) if (t.tid() == tid) return t;
        throw new LookupException("thread with ID " + tid + " not found");
    }

    public ProgramThread crashedThread() {
        if ((flags & ProgramFlags.IS_LIVE) != 0) throw new ValueErrorException("crashed thread is only defined for core dumps");
        return target.crashedThread().orElseThrow(() -> new org.jdrgn.error.DrgnException("crashed thread not found"));
    }

    public ProgramThread mainThread() {
        if ((flags & ProgramFlags.IS_LINUX_KERNEL) != 0) {
            throw new ValueErrorException("main thread is not defined for the Linux kernel");
        }
        return target.mainThread().orElseThrow(() -> new org.jdrgn.error.DrgnException("main thread not found"));
    }

    // ---- symbols -----------------------------------------------------------------------

    public Symbol symbol(long address) {
        return target.symbolAt(address).orElseThrow(() ->
                new LookupException("could not find symbol containing 0x" + Long.toHexString(address)));
    }

    public Symbol symbol(String name) {
        return target.symbolNamed(name).orElseThrow(() ->
                new LookupException("could not find symbol with name '" + name + "'"));
    }

    /** drgn's prog.symbols(): all symbols, those containing an address, or those named so. */
    public List<Symbol> symbols(Object addressOrNameOrNull) {
        if (target == Target.EMPTY) throw new org.jdrgn.error.MissingDebugInfoException("could not find matching symbols");
        return target.symbols(addressOrNameOrNull);
    }

    /**
     * What a loaded dump contributes: threads and symbol tables. Implemented by the
     * userspace-core and kernel loaders; {@link #EMPTY} for a bare Program().
     */
    public interface Target {
        List<ProgramThread> threads();
        Optional<ProgramThread> crashedThread();
        Optional<ProgramThread> mainThread();
        Optional<Symbol> symbolAt(long address);
        Optional<Symbol> symbolNamed(String name);
        /** null: all; Long: containing that address; String: with that name. */
        List<Symbol> symbols(Object addressOrName);
        /** The loaded modules (for CFI and symbols of stack frames); empty for targets without them. */
        default Optional<LoadedModules> loadedModules() { return Optional.empty(); }
        /** Throws (drgn's error) if this thread's registers cannot be trusted to unwind from: a live kernel's running task. */
        default void requireUnwindable(ProgramThread thread) { }
        /** The task_struct address of a thread this target listed (a kernel's threads are its tasks); empty elsewhere. */
        default Optional<Long> task(ProgramThread thread) { return Optional.empty(); }
        /** The task_struct address of the task with this PID (for 0, init_task); empty elsewhere. */
        default Optional<Long> task(long tid) { return Optional.empty(); }
        /** The thread of a {@code struct task_struct *}: ValueError for targets without tasks. */
        default ProgramThread taskThread(long task) {
            throw new ValueErrorException("stack_trace of a pointer object needs a Linux kernel program");
        }
        /** drgn's error for a thread ID that names none ("thread not found"; a kernel's: "task not found"). */
        default LookupException threadNotFound() { return new LookupException("thread not found"); }
        /**
         * The thread with an ID threads() listed: its tid, or for a kernel its task (init_task's
         * pid 0 too, which {@link Program#thread(long)} does not find, as in drgn).
         */
        default ProgramThread listedThread(Program prog, long tid) {
            try {
                return prog.thread(tid);
            } catch (LookupException e) {
                throw threadNotFound();
            }
        }

        Target EMPTY = new Target() {
            public List<ProgramThread> threads() { return List.of(); }
            public Optional<ProgramThread> crashedThread() { return Optional.empty(); }
            public Optional<ProgramThread> mainThread() { return Optional.empty(); }
            public Optional<Symbol> symbolAt(long address) { return Optional.empty(); }
            public Optional<Symbol> symbolNamed(String name) { return Optional.empty(); }
            public List<Symbol> symbols(Object addressOrName) { return List.of(); }
        };
    }
}
