/**
 * The Linux kernel target of a {@link org.jdrgn.program.Program}: kernel dumps (ELF vmcores,
 * kdump-compressed, flattened) and /proc/kcore opened with vmlinux, KASLR and page tables
 * (org.jdrgn.linux), tasks as threads ({@code KernelTarget}), loaded kernel modules found on
 * disk and relocated at their load addresses, and the kernel's special objects (jiffies,
 * vmemmap, ...). Callers reach it through {@link org.jdrgn.program.Program.Target}, never by
 * testing for it.
 */
package org.jdrgn.program.kernel;
