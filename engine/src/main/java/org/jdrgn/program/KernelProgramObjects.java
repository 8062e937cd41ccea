package org.jdrgn.program;

import org.jdrgn.linux.KernelObjects;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;

/** {@link KernelObjects} over a Program: the kernel helpers' view of prog[name] and its memory. */
public record KernelProgramObjects(Program program) implements KernelObjects {
    @Override public ObjectContext context() { return program.objectContext(); }

    @Override public DrgnObject object(String name) { return program.object(name, ObjectFinder.ANY, null); }
}
