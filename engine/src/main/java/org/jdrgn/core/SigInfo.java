package org.jdrgn.core;

/** NT_SIGINFO: the fatal signal; {@code addr} is si_addr (meaningful for SIGSEGV/SIGBUS/SIGILL/SIGFPE). */
public record SigInfo(int signo, int errno, int code, long addr) {}
