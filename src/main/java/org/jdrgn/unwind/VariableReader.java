package org.jdrgn.unwind;

import java.util.Arrays;
import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.dwarf.AttrValue;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.error.KeyNotFoundException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;
import org.jdrgn.program.Program;
import org.jdrgn.types.Type;

/**
 * drgn's {@code frame[name]}: a frame variable's location at the frame's pc, evaluated, and the
 * object made from it with the variable's DWARF type: a reference for a memory location, a
 * value for registers, implicit values and complete pieces, absent otherwise.
 */
public final class VariableReader {
    private final Program program;
    private final ObjectContext objects;

    public VariableReader(Program program, ObjectContext objects) {
        this.program = program;
        this.objects = objects;
    }

    /** The location of the variable declared by {@code var} in frame {@code index} of {@code trace}. */
    public Location location(FrameTrace trace, int index, Die var) {
        StackFrame f = trace.frames().get(index);
        ModuleDwarf dwarf = f.scope().orElseThrow().dwarf();
        FrameContext ctx = new FrameContext(program, trace, index, dwarf, 0);
        if (var.has(DwAt.location)) {
            ByteSlice e = ctx.expression(var, DwAt.location);
            return e == null ? new Location.Absent("no location at this pc") : LocationEvaluator.evaluate(e, var.unit(), ctx);
        }
        Die c = DieNames.withAttribute(var, DwAt.const_value);
        if (c != null) {
            byte[] v = constant(c.value(DwAt.const_value));
            if (v != null) return new Location.ImplicitValue(v);
        }
        return new Location.Absent("no location");
    }

    /** The variable named {@code name} in frame {@code index}; KeyNotFoundException if there is none. */
    public DrgnObject read(FrameTrace trace, int index, String name) {
        StackFrame f = trace.frames().get(index);
        Die var = FrameVariables.find(f, name).orElseThrow(() -> new KeyNotFoundException(name));
        ModuleDwarf dwarf = f.scope().orElseThrow().dwarf();
        Die typed = DieNames.withAttribute(var, DwAt.type);
        Type type = dwarf.types().typeOf(typed != null ? typed : var);
        return object(type, location(trace, index, var));
    }

    /** The object a location holds for a value of {@code type}. */
    public DrgnObject object(Type type, Location loc) {
        return switch (loc) {
            case Location.Address a -> DrgnObject.reference(objects, type, a.address(), 0, null);
            case Location.RegisterValue r -> fromBytes(type, r.value());
            case Location.ImplicitValue v -> fromBytes(type, v.value());
            case Location.Pieces p -> assemble(type, p).map(b -> fromBytes(type, b))
                    .orElseGet(() -> DrgnObject.absent(objects, type, null));
            case Location.ImplicitPointer ip -> DrgnObject.absent(objects, type, null);
            case Location.Absent a -> DrgnObject.absent(objects, type, null);
        };
    }

    private DrgnObject fromBytes(Type type, byte[] b) {
        long size = type.underlying().sizeof();
        byte[] v = b.length >= size ? b : Arrays.copyOf(b, (int) size);
        return DrgnObject.fromBytes(objects, type, v, 0, null);
    }

    /** The bytes of a composite location, or empty if some piece is not available. */
    private Optional<byte[]> assemble(Type type, Location.Pieces p) {
        long total = 0;
        for (Location.Piece piece : p.pieces()) total += piece.bitSize();
        long size = Math.max(type.underlying().sizeof(), (total + 7) / 8);
        if (size > 1 << 20) return Optional.empty();
        byte[] out = new byte[(int) size];
        long bit = 0;
        for (Location.Piece piece : p.pieces()) {
            byte[] src = switch (piece.location()) {
                case Location.Address a -> program.read(a.address(), (int) ((piece.bitOffset() + piece.bitSize() + 7) / 8), false);
                case Location.RegisterValue r -> r.value();
                case Location.ImplicitValue v -> v.value();
                default -> null;
            };
            if (src == null) return Optional.empty();
            for (long i = 0; i < piece.bitSize(); i++) {
                long from = piece.bitOffset() + i, to = bit + i;
                if (from / 8 >= src.length) return Optional.empty();
                int b = (src[(int) (from / 8)] >> (from % 8)) & 1;
                out[(int) (to / 8)] |= (byte) (b << (to % 8));
            }
            bit += piece.bitSize();
        }
        return Optional.of(out);
    }

    /** DW_AT_const_value bytes (little-endian for constants), or null. */
    private static byte[] constant(AttrValue v) {
        return switch (v) {
            case AttrValue.Data d -> LocationEvaluator.leBytes(d.value());
            case AttrValue.Sdata s -> LocationEvaluator.leBytes(s.value());
            case AttrValue.Block b -> b.data().bytes(0, (int) b.data().size());
            case AttrValue.Exprloc e -> e.expr().bytes(0, (int) e.expr().size());
            case AttrValue.Data16 d -> d.bytes().bytes(0, 16);
            case null, default -> null;
        };
    }
}
