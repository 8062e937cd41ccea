package org.jdrgn.core;

/** NT_PRPSINFO: the process's state, command name (pr_fname, at most 15 bytes) and arguments. */
public record PrPsInfo(int state, String fname, String psargs, int pid, int ppid, int uid, int gid) {}
