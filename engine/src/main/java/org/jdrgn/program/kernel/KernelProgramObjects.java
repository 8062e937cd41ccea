package org.jdrgn.program.kernel;

import org.jdrgn.program.ObjectFinder;
import org.jdrgn.program.Program;

import java.util.Optional;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.linux.KernelMemory;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;

/** {@link KernelObjects} over a Program: the kernel helpers' view of prog[name], its memory and threads. */
public record KernelProgramObjects(Program program) implements KernelObjects {
    @Override public ObjectContext context() { return program.objectContext(); }

    @Override public DrgnObject object(String name) { return program.object(name, ObjectFinder.ANY, null); }

    @Override public KernelMemory memory() { return target().memory(); }

    @Override public Optional<Long> threadTask(long tid) { return target().task(tid); }

    @Override public long crashedCpu() { return target().crashedCpu(); }

    private KernelTarget target() {
        if (program.target() instanceof KernelTarget t) return t;
        throw new ValueErrorException("program has no kernel threads");
    }
}
