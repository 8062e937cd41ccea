package org.jdrgn.objects;

/**
 * Why an object is absent (drgn's {@code AbsenceReason}, drgn 0.0.25+). Absent objects built
 * by hand default to {@link #OTHER}; debug info gives {@link #OPTIMIZED_OUT} when it says the
 * value does not exist at that pc.
 */
public enum AbsenceReason {
    /** Another reason not listed below. */
    OTHER,
    /** The compiler optimized the object out (no location here, or its value was not saved). */
    OPTIMIZED_OUT,
    /** The debug info describes the object in a way not implemented (e.g. an implicit pointer). */
    NOT_IMPLEMENTED
}
