package org.jdrgn.testcores;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 of a file as lower-case hex, the form sha256sum prints. */
public final class Sha256 {
    private Sha256() {}

    public static String of(Path file) {
        return ofConcatenation(java.util.List.of(file));
    }

    /** sha256 of the files one after the other, as {@code cat FILES | sha256sum}. */
    public static String ofConcatenation(java.util.List<Path> files) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
