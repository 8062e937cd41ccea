package org.jdrgn.elf;

import java.util.HexFormat;

/** A GNU build ID, kept as lowercase hex so that it compares and prints by value. */
public record BuildId(String hex) {
    public BuildId {
        if (hex.isEmpty() || hex.length() % 2 != 0) throw new IllegalArgumentException("bad build ID " + hex);
        hex = hex.toLowerCase(java.util.Locale.ROOT);
    }

    public static BuildId of(byte[] bytes) { return new BuildId(HexFormat.of().formatHex(bytes)); }

    public byte[] bytes() { return HexFormat.of().parseHex(hex); }

    /** The path under a debug root: {@code .build-id/xx/rest}, without suffix. */
    public String buildIdPath() { return ".build-id/" + hex.substring(0, 2) + "/" + hex.substring(2); }

    @Override public String toString() { return hex; }
}
