package org.jdrgn.cli.resident;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a client asks: its build stamp, the kind of request, and the run's cwd, argv and environment. */
record Request(String stamp, int kind, String cwd, List<String> argv, Map<String, String> env) {
    void write(DataOutputStream out) throws IOException {
        out.writeInt(Protocol.MAGIC);
        Protocol.writeString(out, stamp);
        out.writeInt(kind);
        Protocol.writeString(out, cwd);
        out.writeInt(argv.size());
        for (String a : argv) Protocol.writeString(out, a);
        out.writeInt(env.size());
        for (Map.Entry<String, String> e : env.entrySet()) {
            Protocol.writeString(out, e.getKey());
            Protocol.writeString(out, e.getValue());
        }
        out.flush();
    }

    static Request read(DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != Protocol.MAGIC) throw new IOException("not a jdrgn client (magic " + Integer.toHexString(magic) + ")");
        String stamp = Protocol.readString(in);
        int kind = in.readInt();
        String cwd = Protocol.readString(in);
        int argc = Protocol.readCount(in);
        List<String> argv = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) argv.add(Protocol.readString(in));
        int envc = Protocol.readCount(in);
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < envc; i++) env.put(Protocol.readString(in), Protocol.readString(in));
        return new Request(stamp, kind, cwd, List.copyOf(argv), env);
    }
}
