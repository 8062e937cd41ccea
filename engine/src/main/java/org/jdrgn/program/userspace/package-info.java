/**
 * The userspace target of a {@link org.jdrgn.program.Program}: an ELF core dump, its threads
 * (NT_PRSTATUS), and its modules (executable, shared libraries, vDSO) found from NT_FILE and
 * the dynamic linker's list, with their debug files by build-id.
 */
package org.jdrgn.program.userspace;
