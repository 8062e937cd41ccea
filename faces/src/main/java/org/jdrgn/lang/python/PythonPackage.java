package org.jdrgn.lang.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where the Python side of jdrgn (_drgn.py and the drgn package) lives on disk.
 * From a classes directory it is used in place; from a jar it is extracted once into
 * ~/.cache/jdrgn/python-&lt;jar stamp&gt;/ so GraalPy imports plain files (fast, no VFS).
 */
final class PythonPackage {
    static final String ROOT = "org/jdrgn/lang/python/pkg";

    private PythonPackage() {}

    static Path directory() {
        URL url = PythonPackage.class.getClassLoader().getResource(ROOT + "/_drgn.py");
        if (url == null) throw new IllegalStateException("jdrgn's Python package is missing from the class path");
        try {
            if (url.getProtocol().equals("file")) return Path.of(url.toURI()).getParent();
            if (!url.getProtocol().equals("jar")) throw new IllegalStateException("cannot load Python package from " + url);
            String s = url.getPath();
            Path jar = Path.of(java.net.URI.create(s.substring(0, s.indexOf("!/"))));
            return extract(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extract(Path jar) throws IOException {
        String stamp = Long.toHexString(Files.size(jar)) + "-" + Long.toHexString(Files.getLastModifiedTime(jar).toMillis());
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "jdrgn", "python-" + stamp);
        if (Files.isRegularFile(cache.resolve("_drgn.py"))) return cache;
        Path tmp = Files.createTempDirectory(cache.getParent() == null ? Path.of("/tmp") : createDirs(cache.getParent()), "extract");
        try (JarFile jf = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> en = jf.entries();
            while (en.hasMoreElements()) {
                JarEntry e = en.nextElement();
                if (!e.getName().startsWith(ROOT + "/") || e.isDirectory()) continue;
                Path out = tmp.resolve(e.getName().substring(ROOT.length() + 1));
                Files.createDirectories(out.getParent());
                try (InputStream in = jf.getInputStream(e)) {
                    Files.copy(in, out);
                }
            }
        }
        try {
            Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // Another jdrgn process extracted the same stamp first: use theirs.
            if (!Files.isRegularFile(cache.resolve("_drgn.py"))) throw raced;
        }
        return cache;
    }

    private static Path createDirs(Path p) throws IOException {
        Files.createDirectories(p);
        return p;
    }
}
