package org.jdrgn.cli;

/** Runs a .js script on GraalJS with {@code prog} bound. */
final class JsSession {
    private final Main opts;

    JsSession(Main opts) { this.opts = opts; }

    int run() {
        System.err.println("error: JavaScript scripts are not wired in yet");
        return 1;
    }
}
