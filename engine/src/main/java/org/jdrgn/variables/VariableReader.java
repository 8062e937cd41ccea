package org.jdrgn.variables;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.dwarf.AttrValue;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.error.KeyNotFoundException;
import org.jdrgn.objects.AbsenceReason;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;
import org.jdrgn.program.Program;
import org.jdrgn.stack.DieNames;
import org.jdrgn.stack.FrameTrace;
import org.jdrgn.stack.ModuleDwarf;
import org.jdrgn.stack.StackFrame;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeMember;

/**
 * drgn's {@code frame[name]}: a frame variable's location at the frame's pc, evaluated, and the
 * object made from it with the variable's DWARF type: a reference for a memory location, a
 * value for registers, implicit values and complete pieces, absent otherwise. What gdb shows
 * beyond that object model is here too: the available members of a partly optimized-out
 * struct ({@link #availableMembers}) and the target of an implicit pointer
 * ({@link #implicitTarget}), whose own object stays absent.
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
        return object(typeOf(f.scope().orElseThrow().dwarf(), var), location(trace, index, var));
    }

    /**
     * What a pointer variable optimized away by DW_OP_implicit_pointer points to: gdb prints such
     * a pointer as {@code <synthetic pointer>} and can dereference it; drgn's object model has no
     * pointer without an address, so {@code frame[name]} stays absent and this gives {@code *name}:
     * the referenced variable's value in this frame, {@code offset} bytes in, as the pointer's
     * referenced type. Empty if the variable is not an implicit pointer here or the target has
     * no value.
     */
    public Optional<DrgnObject> implicitTarget(FrameTrace trace, int index, String name) {
        StackFrame f = trace.frames().get(index);
        Die var = FrameVariables.find(f, name).orElseThrow(() -> new KeyNotFoundException(name));
        if (!(location(trace, index, var) instanceof Location.ImplicitPointer ip)) return Optional.empty();
        ModuleDwarf dwarf = f.scope().orElseThrow().dwarf();
        Die target = ip.target().die();
        return pointee(typeOf(dwarf, var), object(typeOf(dwarf, target), location(trace, index, target)), ip.offset());
    }

    /** {@code *p} for an implicit pointer {@code p} of {@code pointerType} to {@code offset} bytes into {@code whole}. */
    Optional<DrgnObject> pointee(Type pointerType, DrgnObject whole, long offset) {
        if (!(pointerType.underlying() instanceof PointerType ptr) || whole.isAbsent()) return Optional.empty();
        Type pointee = ptr.referenced();
        if (whole.isReference()) return Optional.of(DrgnObject.reference(objects, pointee, whole.address() + offset, 0, null));
        byte[] b = whole.toBytes();
        long size = pointee.sizeof();
        if (offset < 0 || offset + size > b.length) return Optional.empty();
        return Optional.of(DrgnObject.fromBytes(objects, pointee, Arrays.copyOfRange(b, (int) offset, (int) (offset + size)), 0, null));
    }

    private static Type typeOf(ModuleDwarf dwarf, Die var) {
        Die typed = DieNames.withAttribute(var, DwAt.type);
        return dwarf.types().typeOf(typed != null ? typed : var);
    }

    /** The object a location holds for a value of {@code type}. */
    public DrgnObject object(Type type, Location loc) {
        return switch (loc) {
            case Location.Address a -> DrgnObject.reference(objects, type, a.address(), 0, null);
            case Location.RegisterValue r -> fromBytes(type, r.value());
            case Location.ImplicitValue v -> fromBytes(type, v.value());
            case Location.Pieces p -> assemble(type, p).map(b -> fromBytes(type, b))
                    .orElseGet(() -> DrgnObject.absent(objects, type, null, AbsenceReason.OPTIMIZED_OUT));
            // drgn has no pointer without an address: an implicit pointer is debug info it cannot represent
            case Location.ImplicitPointer ip -> DrgnObject.absent(objects, type, null, AbsenceReason.NOT_IMPLEMENTED);
            case Location.Absent a -> DrgnObject.absent(objects, type, null, a.reason());
        };
    }

    private DrgnObject fromBytes(Type type, byte[] b) {
        long size = type.underlying().sizeof();
        byte[] v = b.length >= size ? b : Arrays.copyOf(b, (int) size);
        return DrgnObject.fromBytes(objects, type, v, 0, null);
    }

    /** The bytes of a composite location, or empty if some piece is not available. */
    private Optional<byte[]> assemble(Type type, Location.Pieces p) {
        Assembled a = assembled(type, p);
        return a != null && a.known().nextClearBit(0) >= a.bytes().length * 8L ? Optional.of(a.bytes()) : Optional.empty();
    }

    /**
     * The members of a struct or union whose value is assembled from pieces some of which are
     * optimized out: each member all of whose bits come from available pieces, by name, in
     * declaration order (gdb prints the others as {@code <optimized out>}). {@code frame[name]}
     * of such a variable is absent, since drgn's object model has no partly absent value; this
     * gives what gdb shows. Empty for other types and for unavailable composites.
     */
    public Map<String, DrgnObject> availableMembers(Type type, Location.Pieces p) {
        Map<String, DrgnObject> out = new LinkedHashMap<>();
        if (!(type.underlying() instanceof CompoundType c)) return out;
        Assembled a = assembled(type, p);
        if (a == null) return out;
        for (TypeMember m : c.members()) {
            if (m.name() == null) continue;
            long bits = m.isBitField() ? m.bitFieldSize() : m.type().sizeof() * 8;
            long from = m.bitOffset(), to = from + bits;
            if (bits <= 0 || to > a.bytes().length * 8L || a.known().nextClearBit((int) from) < to) continue;
            DrgnObject whole = DrgnObject.fromBytes(objects, type, a.bytes(), 0, null);
            out.put(m.name(), whole.member(m.name()));
        }
        return out;
    }

    /** A composite's bytes and which of their bits the available pieces supplied. */
    private record Assembled(byte[] bytes, BitSet known) {}

    private Assembled assembled(Type type, Location.Pieces p) {
        long total = 0;
        for (Location.Piece piece : p.pieces()) total += piece.bitSize();
        long size = Math.max(type.underlying().sizeof(), (total + 7) / 8);
        if (size > 1 << 20) return null;
        byte[] out = new byte[(int) size];
        BitSet known = new BitSet();
        long bit = 0;
        for (Location.Piece piece : p.pieces()) {
            byte[] src = switch (piece.location()) {
                case Location.Address a -> readOrNull(a.address(), (int) ((piece.bitOffset() + piece.bitSize() + 7) / 8));
                case Location.RegisterValue r -> r.value();
                case Location.ImplicitValue v -> v.value();
                default -> null;
            };
            for (long i = 0; src != null && i < piece.bitSize(); i++) {
                long from = piece.bitOffset() + i, to = bit + i;
                if (from / 8 >= src.length || to / 8 >= out.length) break;
                int b = (src[(int) (from / 8)] >> (from % 8)) & 1;
                out[(int) (to / 8)] |= (byte) (b << (to % 8));
                known.set((int) to);
            }
            bit += piece.bitSize();
        }
        return new Assembled(out, known);
    }

    private byte[] readOrNull(long address, int size) {
        try {
            return program.read(address, size, false);
        } catch (org.jdrgn.error.FaultException e) {
            return null;
        }
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
