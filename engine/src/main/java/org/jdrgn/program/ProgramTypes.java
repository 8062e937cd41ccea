package org.jdrgn.program;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdrgn.types.DefaultPrimitives;
import org.jdrgn.types.PrimitiveType;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeFinder;
import org.jdrgn.types.TypeKind;
import org.jdrgn.types.TypeNameParser;

/**
 * A program's type lookup: finders asked newest first (drgn's add_type_finder order,
 * debug info among them), then the platform's default primitives.
 */
public final class ProgramTypes implements TypeFinder {
    private final List<TypeFinder> finders = new CopyOnWriteArrayList<>();
    private volatile DefaultPrimitives defaults = DefaultPrimitives.X86_64;

    public void addFinder(TypeFinder finder) { finders.add(0, finder); }

    void platform(Platform platform) {
        defaults = new DefaultPrimitives(platform.wordSize(),
                platform.isLittleEndian() ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
    }

    public DefaultPrimitives defaults() { return defaults; }

    @Override
    public Type find(TypeKind kind, String name, String filename) {
        for (TypeFinder f : finders) {
            Type t = f.find(kind, name, filename);
            if (t != null) return t;
        }
        return null;
    }

    /** prog.type(name, filename): a C type name, resolved through the finders. */
    public Type parse(String name, String filename) {
        return new TypeNameParser(this, defaults).parse(name, filename);
    }

    /** A primitive type as the program defines it (debug info first, else the default). */
    public Type primitive(PrimitiveType p) {
        return new TypeNameParser(this, defaults).primitive(p, null);
    }
}
