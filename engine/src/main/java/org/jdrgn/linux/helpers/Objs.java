package org.jdrgn.linux.helpers;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.error.LookupException;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.Type;

/** Small object idioms the helpers share (C's {@code a->b.c}, container_of, "has member"). */
final class Objs {
    private Objs() {}

    /** The integer or pointer value, unsigned 64-bit. */
    static long val(DrgnObject o) { return KernelObjects.value(o); }

    /** {@code o->a.b.c} (pointers followed as C's -> does). */
    static DrgnObject path(DrgnObject o, String dotted) {
        for (String m : dotted.split("\\.")) o = o.member(m);
        return o;
    }

    /** Whether a struct/union type (or what a pointer points to) has the member. */
    static boolean hasMember(Type t, String name) {
        Type u = t.underlying();
        if (u instanceof org.jdrgn.types.PointerType p) u = p.referenced().underlying();
        if (!(u instanceof CompoundType)) return false;
        try {
            u.member(name);
            return true;
        } catch (LookupException e) {
            return false;
        }
    }

    /** Whether the program has a type of this name. */
    static boolean hasType(KernelObjects k, String name) {
        try {
            k.type(name);
            return true;
        } catch (LookupException e) {
            return false;
        }
    }

    /** Whether the program has an object of this name. */
    static boolean hasObject(KernelObjects k, String name) {
        try {
            k.object(name);
            return true;
        } catch (LookupException e) {
            return false;
        }
    }

    /** A pointer object of a named type. */
    static DrgnObject ptr(KernelObjects k, String type, long value) { return k.pointer(type, value); }

    /** A pointer object of the given pointer type. */
    static DrgnObject ptr(DrgnObject like, long value) { return DrgnObject.ofLong(like.context(), like.type(), value); }

    /** {@code container_of(ptr, type, member)} of each pointer. */
    static List<DrgnObject> containers(List<DrgnObject> ptrs, Type type, String member) {
        List<DrgnObject> out = new ArrayList<>(ptrs.size());
        for (DrgnObject p : ptrs) out.add(p.containerOf(type, member));
        return out;
    }

    /** A NULL {@code type *}. */
    static DrgnObject nullPtr(KernelObjects k, Type type) {
        return DrgnObject.ofLong(k.context(), k.context().pointerTo(type), 0);
    }

    /** A list of pairs as the faces take tuples: [a, b]. */
    static List<Object> pair(Object a, Object b) {
        List<Object> l = new ArrayList<>(2);
        l.add(a);
        l.add(b);
        return l;
    }
}
