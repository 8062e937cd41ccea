package org.jdrgn.lang.python;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.jdrgn.program.Architecture;
import org.jdrgn.program.FileNames;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;

/**
 * The per-Context bridge that _drgn.py imports as {@code polyglot.import_value("jdrgn")}:
 * factory functions, and the one place where engine exceptions become drgn's Python
 * exceptions (no Java exception ever reaches a script raw).
 */
public final class PyRuntime {
    private final Map<String, Value> errors = new HashMap<>();
    private final ProgramOpener opener;

    /** How the CLI's program options turn into an opened Program (core + symbol files). */
    @FunctionalInterface
    public interface ProgramOpener {
        /** byte[] -> str for Python (bytes cross interop as signed elements; a Latin-1 str is exact). */
    static String latin1(byte[] b) { return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1); }

    void openCore(Program prog, String path);
    }

    public PyRuntime(ProgramOpener opener) { this.opener = opener; }

    @HostAccess.Export
    public void registerErrors(Value table) {
        for (Object k : table.getHashKeysIterator().as(Iterable.class)) {
            String key = k.toString();
            errors.put(key, table.getHashValue(key));
        }
    }

    @HostAccess.Export
    public PyProgram newProgram(Value arch, int flags) {
        Platform p = arch.isNull() ? null : new Platform(Architecture.values()[arch.asInt()], flags);
        return new PyProgram(this, new Program(p));
    }

    public PyProgram wrap(Program prog) { return new PyProgram(this, prog); }

    /** drgn.TypeMember(type_or_callable, name, bit_offset) and TypeParameter(type, name). */
    @HostAccess.Export
    public Object newMember(Value typeOrFn, Value name, long bitOffset, long bitFieldSize, boolean parameter) {
        String n = name.isNull() ? null : name.asString();
        return call(() -> parameter ? PyMember.Parameter.fromPython(this, typeOrFn, n)
                : PyMember.fromPython(this, typeOrFn, n, bitOffset, bitFieldSize));
    }

    /** (name, value) pairs of an engine enum, so Python's enums are generated from Java's. */
    @HostAccess.Export
    public Object[] enumMembers(String which) {
        return switch (which) {
            case "TypeKind" -> java.util.Arrays.stream(org.jdrgn.types.TypeKind.values())
                    .map(k -> new Object[] {k.name(), k.value()}).toArray();
            case "PrimitiveType" -> java.util.Arrays.stream(org.jdrgn.types.PrimitiveType.values())
                    .map(k -> new Object[] {k.name(), k.value()}).toArray();
            default -> throw new IllegalArgumentException(which);
        };
    }

    @HostAccess.Export
    public Object[] hostPlatform() {
        return new Object[] {Platform.X86_64.arch().value(), Platform.X86_64.flags()};
    }

    @HostAccess.Export
    public int defaultPlatformFlags(int arch) {
        return Platform.defaultFlags(Architecture.values()[arch]);
    }

    @HostAccess.Export
    public Object[] registerNames(int arch) {
        return new Platform(Architecture.values()[arch], 0).registers().toArray();
    }

    @HostAccess.Export
    public boolean filenameMatches(Value haystack, Value needle) {
        return FileNames.matches(haystack.isNull() ? null : haystack.asString(),
                needle.isNull() ? null : needle.asString());
    }

    /** byte[] -> str for Python (bytes cross interop as signed elements; a Latin-1 str is exact). */
    static String latin1(byte[] b) { return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1); }

    void openCore(Program prog, String path) { opener.openCore(prog, path); }

    // ---- exceptions ----------------------------------------------------------------------

    /** Runs an engine call, turning engine exceptions into drgn's Python exceptions. */
    <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (PolyglotException e) {
            throw e;                                 // a Python exception from a callback: as is
        } catch (RuntimeException | StackOverflowError e) {
            throw raise(e);
        }
    }

    void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }

    /** The Python exception for an engine exception; callers {@code throw} the result. */
    RuntimeException raise(Throwable e) {
        org.jdrgn.lang.DrgnErrors.Spec spec = org.jdrgn.lang.DrgnErrors.of(e);
        String name = spec.name().equals("OSError") && (int) spec.args()[0] == 2 ? "FileNotFoundError" : spec.name();
        Object[] args = name.equals("FileNotFoundError") ? new Object[] {spec.args()[2]} : spec.args();
        return make(name, args).throwException();
    }

    private Value make(String name, Object... args) {
        Value cls = errors.get(name);
        if (cls == null) throw new IllegalStateException("_drgn did not register " + name);
        return cls.execute(args);
    }
}
