package org.jdrgn.objects;

/** drgn's {@code ObjectKind}: a value held in the object, a reference to memory, or absent. */
public enum ObjectKind { VALUE, REFERENCE, ABSENT }
