package org.jdrgn.linux.helpers;

/**
 * One Linux helper as every language face sees it: drgn's name, how its program is found
 * ({@link Shape}), whether it needs a kernel program, and its body over objects.
 */
public record Helper(String name, Shape shape, boolean kernelOnly, String nonKernelMessage, Body body) {
    /** How a face finds the program and which arguments reach {@link Body#call}. */
    public enum Shape {
        /** {@code f(prog, args...)}: the program is not an argument of the body. */
        PROGRAM,
        /** {@code f(prog_or_obj, args...)}: a Program becomes a null first argument (drgn's init namespace). */
        OBJECT_OR_PROGRAM,
        /** {@code f(obj, args...)}: the program is the first object's. */
        OBJECTS,
    }

    @FunctionalInterface
    public interface Body {
        /**
         * The result: a DrgnObject, Long (BigInteger for an unsigned value past 2^63), Boolean,
         * byte[] (text and raw bytes), null (None), or a List of those (tuples are Lists too;
         * the face's wrapper gives them their shape).
         */
        Object call(HelperArgs args);
    }
}
