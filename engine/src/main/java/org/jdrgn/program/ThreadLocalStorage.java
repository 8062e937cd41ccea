package org.jdrgn.program;

import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ProgramHeader;
import org.jdrgn.error.LookupException;

/**
 * Where a thread-local variable lives for a thread (x86-64, glibc's TLS variant II): the
 * main executable's TLS block sits just below the thread pointer (fs.base), rounded to the
 * PT_TLS alignment — the static-TLS layout the ELF TLS ABI fixes for module 1, which is
 * also what gdb computes.
 */
public final class ThreadLocalStorage {
    private ThreadLocalStorage() {}

    /** The address of the variable at {@code offset} in {@code module}'s TLS block of {@code thread}. */
    public static long address(ProgramThread thread, Module module, long offset) {
        Long tp = thread.registers().get("fs.base");
        if (tp == null || tp == 0) {
            throw new LookupException("thread " + thread.tid() + " has no thread pointer (fs.base)");
        }
        if (module.kind() != Module.Kind.MAIN) {
            throw new LookupException("thread-local variables of shared library " + module.name()
                    + " are not supported yet (needs the dynamic thread vector)");
        }
        ProgramHeader tls = module.loadedFile().or(module::debugFile).flatMap(f -> f.programHeaders().stream()
                        .filter(p -> p.type() == ElfConstants.PT_TLS).findFirst())
                .orElseThrow(() -> new LookupException(module.name() + " has no PT_TLS segment"));
        long align = Math.max(1, tls.align());
        long blockSize = (tls.memsz() + align - 1) / align * align;
        return tp - blockSize + offset;
    }
}
