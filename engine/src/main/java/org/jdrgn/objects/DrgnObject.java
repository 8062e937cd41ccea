package org.jdrgn.objects;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Objects;
import org.jdrgn.error.ObjectAbsentException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.Qualifiers;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeKind;

/**
 * drgn's {@code Object}: an immutable typed value in a program. It is a value (held here),
 * a reference (an address and bit offset, read on demand) or absent (optimized out).
 * Scalars are held in one {@code long} (integers wrapped to their width, floats as raw double
 * bits); structs, unions, arrays and integers wider than 64 bits as bytes that never escape.
 *
 * <p>Operations follow drgn: member and element access ({@link #member}, {@link #subscript}),
 * C arithmetic ({@link CArithmetic}, also as methods here), conversions, and printing
 * ({@link #format}, {@link #toString}, {@link #repr}). Errors are drgn's, with its messages.
 */
public final class DrgnObject {
    final ObjectContext ctx;
    final Type type;
    final Type u;            // type with typedefs stripped
    final ObjectKind kind;
    final Encoding enc;
    final long bitSize;      // bits of the value (0 when the type has no size)
    final int bitFieldSize;  // 0: not a bit field
    final long bits;         // VALUE: integer (wrapped) or raw double bits; REFERENCE: address
    final byte[] buf;        // VALUE with BUFFER/BIG encoding
    final int bitOffset;     // REFERENCE: 0..7
    final AbsenceReason absenceReason;  // ABSENT only; null otherwise

    private DrgnObject(ObjectContext ctx, Type type, Type u, ObjectKind kind, Encoding enc, long bitSize,
                       int bitFieldSize, long bits, byte[] buf, int bitOffset) {
        this(ctx, type, u, kind, enc, bitSize, bitFieldSize, bits, buf, bitOffset, null);
    }

    private DrgnObject(ObjectContext ctx, Type type, Type u, ObjectKind kind, Encoding enc, long bitSize,
                       int bitFieldSize, long bits, byte[] buf, int bitOffset, AbsenceReason absenceReason) {
        this.ctx = ctx;
        this.type = type;
        this.u = u;
        this.kind = kind;
        this.enc = enc;
        this.bitSize = bitSize;
        this.bitFieldSize = bitFieldSize;
        this.bits = bits;
        this.buf = buf;
        this.bitOffset = bitOffset;
        this.absenceReason = absenceReason;
    }

    // ---- construction ---------------------------------------------------------------------

    /** Type, encoding and size shared by every constructor; checks drgn's bit-field rules. */
    private record Layout(Type type, Type u, Encoding enc, long bitSize, int bitFieldSize) {}

    private static Layout layout(Type type, long bitFieldSize) {
        return layout(type, bitFieldSize == 0 ? null : (Long) bitFieldSize);
    }

    /** @param bitFieldSize null: not a bit field (drgn's None); checked as drgn does */
    private static Layout layout(Type type, Long bitFieldSize) {
        Objects.requireNonNull(type, "type");
        Type u = type.underlying();
        Encoding enc = Encoding.of(u);
        if (bitFieldSize != null) {
            if (bitFieldSize == 0) throw new ValueErrorException("bit field size cannot be zero");
            if (!enc.isInteger() && enc != Encoding.BIG) throw new ValueErrorException("bit field must be integer");
            if (bitFieldSize < 0) throw new IntegerOverflowException("can't convert negative int to unsigned");
            if (bitFieldSize > u.sizeof() * 8)
                throw new ValueErrorException("bit field size is larger than type size");
            return new Layout(type, u, enc, bitFieldSize, (int) (long) bitFieldSize);
        }
        long size = enc == Encoding.NONE ? 0 : u.sizeof() * 8;
        return new Layout(type, u, enc, size, 0);
    }

    /** drgn's {@code Object(prog, type)}: an absent object, for {@link AbsenceReason#OTHER}. */
    public static DrgnObject absent(ObjectContext ctx, Type type, Long bitFieldSize) {
        return absent(ctx, type, bitFieldSize, AbsenceReason.OTHER);
    }

    /** drgn's {@code Object(prog, type, absence_reason=reason)}. */
    public static DrgnObject absent(ObjectContext ctx, Type type, Long bitFieldSize, AbsenceReason reason) {
        Layout l = layout(type, bitFieldSize);
        return new DrgnObject(ctx, type, l.u, ObjectKind.ABSENT, l.enc, l.bitSize, l.bitFieldSize, 0, null, 0,
                Objects.requireNonNull(reason, "reason"));
    }

    /** drgn's {@code Object(prog, type, address=, bit_offset=, bit_field_size=)}. */
    public static DrgnObject reference(ObjectContext ctx, Type type, long address, long bitOffset, Long bitFieldSize) {
        Layout l = layout(type, bitFieldSize);
        if (bitOffset < 0) throw new ValueErrorException("bit offset must be non-negative");
        // normalize so that 0 <= bitOffset < 8, as drgn does
        long addr = address + (bitOffset >>> 3);
        return new DrgnObject(ctx, type, l.u, ObjectKind.REFERENCE, l.enc, l.bitSize, l.bitFieldSize,
                addr, null, (int) (bitOffset & 7));
    }

    /** An integer (or pointer, bool, enum) value, wrapped to the type's width as C would. */
    public static DrgnObject ofLong(ObjectContext ctx, Type type, long value) {
        return ofLong(ctx, type, value, 0);
    }

    public static DrgnObject ofLong(ObjectContext ctx, Type type, long value, long bitFieldSize) {
        Layout l = layout(type, bitFieldSize);
        return switch (l.enc) {
            case SIGNED, UNSIGNED -> scalar(ctx, l, Bits.wrap(value, (int) l.bitSize, l.enc == Encoding.SIGNED));
            case FLOAT -> scalar(ctx, l, floatBits(l.u, value));
            case BIG -> ofBig(ctx, type, BigInteger.valueOf(value), bitFieldSize);
            default -> throw new TypeErrorException("cannot create " + type.typeName() + " object from integer");
        };
    }

    /** A floating-point value (rounded to float precision for a 4-byte type). */
    public static DrgnObject ofDouble(ObjectContext ctx, Type type, double value) {
        Layout l = layout(type, 0);
        if (l.enc != Encoding.FLOAT) {
            if (l.enc.isInteger()) return scalar(ctx, l, CArithmetic.doubleToIntBits(value, (int) l.bitSize, l.enc == Encoding.SIGNED));
            throw new TypeErrorException("cannot create " + type.typeName() + " object from float");
        }
        return scalar(ctx, l, floatBits(l.u, value));
    }

    /** An integer of any width from a Python int; wrapped to the type's width. */
    public static DrgnObject ofBig(ObjectContext ctx, Type type, BigInteger value, long bitFieldSize) {
        Layout l = layout(type, bitFieldSize);
        if (l.enc == Encoding.BIG) {
            byte[] b = new byte[(int) ((l.bitSize + 7) >>> 3)];
            boolean le = isLittleEndian(ctx, l.u);
            byte[] two = value.toByteArray();   // big-endian two's complement
            for (int i = 0; i < b.length; i++) {
                int src = two.length - 1 - i;
                byte v = src >= 0 ? two[src] : (byte) (value.signum() < 0 ? -1 : 0);
                b[le ? i : b.length - 1 - i] = v;
            }
            return new DrgnObject(ctx, type, l.u, ObjectKind.VALUE, l.enc, l.bitSize, l.bitFieldSize, 0, b, 0);
        }
        if (l.enc == Encoding.FLOAT) return ofDouble(ctx, type, value.doubleValue());
        return ofLong(ctx, type, value.longValue(), bitFieldSize);
    }

    /** A value object holding bytes (structs, unions, arrays, odd-sized floats). */
    static DrgnObject ofBuffer(ObjectContext ctx, Type type, byte[] bytes) {
        Layout l = layout(type, 0);
        return new DrgnObject(ctx, type, l.u, ObjectKind.VALUE, l.enc, l.bitSize, 0, 0, bytes, 0);
    }

    private static DrgnObject scalar(ObjectContext ctx, Layout l, long bits) {
        return new DrgnObject(ctx, l.type, l.u, ObjectKind.VALUE, l.enc, l.bitSize, l.bitFieldSize, bits, null, 0);
    }

    private static long floatBits(Type u, double v) {
        double d = ((FloatType) u).size() == 4 ? (double) (float) v : v;
        return Double.doubleToRawLongBits(d);
    }

    /**
     * drgn's {@code Object(prog, type, value=...)}. The value is a Java form of a Python value:
     * Long/Integer/BigInteger, Double, Boolean, a List (arrays), a Map (structs, by member name)
     * or another DrgnObject (implicitly converted, as by assignment in C).
     */
    public static DrgnObject value(ObjectContext ctx, Type type, Object value, Long bitFieldSize) {
        layout(type, bitFieldSize);  // drgn checks the bit field before the value
        return ObjectValues.build(ctx, type, value, bitFieldSize == null ? 0 : bitFieldSize);
    }

    /**
     * drgn's {@code Object(prog, value=...)} for a Python int, float or bool, typed by C's
     * rules for literals (see {@link Literals}).
     */
    public static DrgnObject literal(ObjectContext ctx, Object pythonValue) {
        return Literals.of(ctx, pythonValue);
    }

    /** drgn's {@code NULL(prog, type)}. */
    public static DrgnObject nullOf(ObjectContext ctx, Type type) { return ofLong(ctx, type, 0); }

    /** drgn's {@code Object.from_bytes_(prog, type, bytes, bit_offset=, bit_field_size=)}. */
    public static DrgnObject fromBytes(ObjectContext ctx, Type type, byte[] bytes, long bitOffset, Long bitFieldSize) {
        return ObjectValues.fromBytes(ctx, type, bytes, bitOffset, bitFieldSize);
    }

    /** A value object with this object's type read from bits [bitOffset, ...) of a buffer. */
    static DrgnObject fromBits(ObjectContext ctx, Type type, long bitFieldSize, byte[] src, long bitOffset) {
        Layout l = layout(type, bitFieldSize);
        boolean le = isLittleEndian(ctx, l.u);
        return switch (l.enc) {
            case SIGNED, UNSIGNED -> scalar(ctx, l,
                    Bits.wrap(Bits.extract(src, 0, bitOffset, (int) l.bitSize, le), (int) l.bitSize, l.enc == Encoding.SIGNED));
            case FLOAT -> {
                long raw = Bits.extract(src, 0, bitOffset, (int) l.bitSize, le);
                yield scalar(ctx, l, Double.doubleToRawLongBits(
                        l.bitSize == 32 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw)));
            }
            case BUFFER, BIG -> new DrgnObject(ctx, type, l.u, ObjectKind.VALUE, l.enc, l.bitSize, l.bitFieldSize, 0,
                    Bits.copy(src, bitOffset, l.bitSize, le), 0);
            // a member of incomplete type (a flexible array) of a value: printable, not readable
            case NONE -> new DrgnObject(ctx, type, l.u, ObjectKind.VALUE, l.enc, 0, 0, 0, null, 0);
        };
    }

    static String incompleteWhat(Type type) {
        Type u = type.underlying();
        return switch (u.kind()) {
            case VOID -> "void";
            case FUNCTION -> "function";
            case STRUCT -> "incomplete structure";
            case ENUM -> "incomplete enumerated";
            default -> "incomplete " + u.kind().spelling();
        };
    }

    static boolean isLittleEndian(ObjectContext ctx, Type u) {
        return switch (u) {
            case org.jdrgn.types.IntType t -> t.byteOrder() == ByteOrder.LITTLE_ENDIAN;
            case org.jdrgn.types.BoolType t -> t.byteOrder() == ByteOrder.LITTLE_ENDIAN;
            case FloatType t -> t.byteOrder() == ByteOrder.LITTLE_ENDIAN;
            case org.jdrgn.types.PointerType t -> t.byteOrder() == ByteOrder.LITTLE_ENDIAN;
            case org.jdrgn.types.EnumType e when e.compatibleType() != null ->
                    e.compatibleType().byteOrder() == ByteOrder.LITTLE_ENDIAN;
            default -> ctx.byteOrder() == ByteOrder.LITTLE_ENDIAN;
        };
    }

    // ---- accessors ------------------------------------------------------------------------

    public ObjectContext context() { return ctx; }

    /** drgn's {@code type_}: the type with its qualifiers. */
    public Type type() { return type; }

    public ObjectKind kind() { return kind; }

    public boolean isAbsent() { return kind == ObjectKind.ABSENT; }

    /** drgn's {@code absence_reason_}: why an absent object is absent; null for values and references. */
    public AbsenceReason absenceReason() { return absenceReason; }

    public boolean isReference() { return kind == ObjectKind.REFERENCE; }

    /** drgn's {@code address_}: the address of a reference, null otherwise. Unsigned in a long. */
    public Long address() { return kind == ObjectKind.REFERENCE ? bits : null; }

    /** drgn's {@code bit_offset_}: 0..7 for a reference, null otherwise. */
    public Integer bitOffset() { return kind == ObjectKind.REFERENCE ? bitOffset : null; }

    /** drgn's {@code bit_field_size_}: null if not a bit field. */
    public Integer bitFieldSize() { return bitFieldSize == 0 ? null : bitFieldSize; }

    /** Size of the value in bits (the bit-field size for bit fields). */
    long bitSize() { return bitSize; }

    // ---- reading --------------------------------------------------------------------------

    /** drgn's {@code read_()}: a value object (a value returns itself). */
    public DrgnObject read() {
        if (kind == ObjectKind.ABSENT) throw new ObjectAbsentException("object absent");
        checkReadable();
        return switch (kind) {
            case VALUE, ABSENT -> this;
            case REFERENCE -> {
                if (enc.isInteger() || enc == Encoding.FLOAT) yield scalarRead();
                byte[] b = readBytes();
                yield fromBits(ctx, type, bitFieldSize, b, bitOffset);
            }
        };
    }

    private DrgnObject scalarRead() {
        int size = (int) ((bitOffset + bitSize + 7) >>> 3);
        byte[] b = new byte[size];
        ctx.read(bits, b, 0, size);
        return fromBits(ctx, type, bitFieldSize, b, bitOffset);
    }

    /** TypeError for void, function and incomplete types, whose objects have no value. */
    void checkReadable() {
        if (enc == Encoding.NONE) throw new TypeErrorException("cannot read object with " + incompleteWhat(type) + " type");
    }

    /** The bytes covering a reference's value, from its address (bitOffset not applied). */
    byte[] readBytes() {
        long n = (bitOffset + bitSize + 7) >>> 3;
        if (n > Integer.MAX_VALUE - 8) throw new ValueErrorException("object is too large");
        byte[] b = new byte[(int) n];
        ctx.read(bits, b, 0, (int) n);
        return b;
    }

    /** The integer value of an integer-encoded object (sign- or zero-extended). */
    long longValue() {
        DrgnObject v = read();
        return v.bits;
    }

    /** The floating-point value of a FLOAT-encoded object. */
    double doubleValue() {
        return Double.longBitsToDouble(read().bits);
    }

    /** The value's bytes (VALUE objects); scalars are serialized in the type's byte order. */
    byte[] valueBytes() {
        checkReadable();
        DrgnObject v = read();
        if (v.buf != null) return v.buf;
        int n = (int) ((bitSize + 7) >>> 3);
        byte[] b = new byte[n];
        long raw = v.bits;
        if (enc == Encoding.FLOAT && bitSize == 32) raw = Float.floatToRawIntBits((float) Double.longBitsToDouble(raw)) & 0xffffffffL;
        Bits.deposit(b, 0, 0, (int) bitSize, raw, isLittleEndian(ctx, u));
        return b;
    }

    /** drgn's {@code value_()}: see {@link ObjectValues#toJava} for the Java forms returned. */
    public Object value() { return ObjectValues.toJava(this); }

    /** drgn's {@code string_()}: the bytes of a C string from an array or pointer. */
    public byte[] string() { return ObjectAccess.string(this); }

    /** drgn's {@code to_bytes_()}. */
    public byte[] toBytes() { return valueBytes().clone(); }

    // ---- access ---------------------------------------------------------------------------

    /** drgn's {@code member_(name)} (and {@code obj.name}; through a pointer as {@code ->}). */
    public DrgnObject member(String name) { return ObjectAccess.member(this, name); }

    /** drgn's {@code obj[i]} for arrays and pointers; negative indices are C's. */
    public DrgnObject subscript(long index) { return ObjectAccess.subscript(this, index); }

    /** drgn 0.0.22 has no {@code obj[start:stop]}: always Python's TypeError for a slice index. */
    public DrgnObject slice(Long start, Long stop) { return ObjectAccess.slice(this, start, stop); }

    /** drgn's {@code len(obj)} for complete arrays. */
    public long length() { return ObjectAccess.length(this); }

    /** drgn's {@code obj[0]} for a pointer, the C {@code *} operator. */
    public DrgnObject deref() { return ObjectAccess.deref(this); }

    /** drgn's {@code address_of_()}. */
    public DrgnObject addressOf() { return ObjectAccess.addressOf(this); }

    /** drgn's {@code cast(type, obj)}. */
    public DrgnObject cast(Type to) { return CArithmetic.cast(this, to); }

    /** drgn's {@code reinterpret(type, obj)}. */
    public DrgnObject reinterpret(Type to) { return ObjectAccess.reinterpret(this, to); }

    /** drgn's {@code container_of(ptr, type, member)}. */
    public DrgnObject containerOf(Type container, String memberDesignator) {
        return ObjectAccess.containerOf(this, container, memberDesignator);
    }

    /** drgn's {@code sizeof(obj)}. */
    public long sizeof() {
        if (bitFieldSize != 0) throw new TypeErrorException("cannot get size of bit field");
        return type.sizeof();
    }

    // ---- arithmetic (C semantics; see CArithmetic) -----------------------------------------

    public DrgnObject add(DrgnObject o) { return CArithmetic.add(this, o); }
    public DrgnObject sub(DrgnObject o) { return CArithmetic.sub(this, o); }
    public DrgnObject mul(DrgnObject o) { return CArithmetic.arith(CArithmetic.Op.MUL, this, o); }
    public DrgnObject div(DrgnObject o) { return CArithmetic.arith(CArithmetic.Op.DIV, this, o); }
    public DrgnObject mod(DrgnObject o) { return CArithmetic.arith(CArithmetic.Op.MOD, this, o); }
    public DrgnObject lshift(DrgnObject o) { return CArithmetic.shift(true, this, o); }
    public DrgnObject rshift(DrgnObject o) { return CArithmetic.shift(false, this, o); }
    public DrgnObject and(DrgnObject o) { return CArithmetic.arith(CArithmetic.Op.AND, this, o); }
    public DrgnObject or(DrgnObject o) { return CArithmetic.arith(CArithmetic.Op.OR, this, o); }
    public DrgnObject xor(DrgnObject o) { return CArithmetic.arith(CArithmetic.Op.XOR, this, o); }
    public DrgnObject neg() { return CArithmetic.unary(CArithmetic.Unary.NEG, this); }
    public DrgnObject pos() { return CArithmetic.unary(CArithmetic.Unary.POS, this); }
    public DrgnObject invert() { return CArithmetic.unary(CArithmetic.Unary.INVERT, this); }

    /** Python's ==, !=, <, <=, >, >= with C's conversions; TypeError "invalid operands to comparison". */
    public boolean compare(CArithmetic.Comparison op, DrgnObject o) { return CArithmetic.compare(op, this, o); }

    /** Python's {@code bool(obj)}. */
    public boolean truth() { return CArithmetic.truth(this); }

    /** Python's {@code int(obj)}: a Long, or a BigInteger when it does not fit a signed long. */
    public Number toInt() { return CArithmetic.toInt(this); }

    /** Python's {@code float(obj)}. */
    public double toFloat() { return CArithmetic.toFloat(this); }

    /** Python's {@code operator.index(obj)}: integers and pointers only. */
    public Number index() { return CArithmetic.index(this); }

    /** Python's {@code round(obj)}, {@code math.trunc}, {@code math.floor}, {@code math.ceil}. */
    public Number round(CArithmetic.Rounding mode) { return CArithmetic.round(this, mode); }

    // ---- printing -------------------------------------------------------------------------

    /** drgn's {@code format_(...)}. */
    public String format(FormatOptions options) { return ObjectFormatter.format(this, options); }

    /** drgn's {@code str(obj)}. */
    @Override public String toString() { return ObjectFormatter.format(this, FormatOptions.DEFAULT); }

    /** drgn's {@code repr(obj)}. */
    public String repr() { return ObjectRepr.repr(this); }

    /** A copy with other qualifiers on the type (used for const propagation to members). */
    DrgnObject withType(Type t) {
        return new DrgnObject(ctx, t, u, kind, enc, bitSize, bitFieldSize, bits, buf, bitOffset, absenceReason);
    }

    /** True if the type carries {@code q}. */
    boolean hasQualifiers(Qualifiers q) { return type.qualifiers().containsAll(q); }
}
