package org.jdrgn.program;

import org.jdrgn.objects.DrgnObject;

/** drgn's object finder: an object by name, kinds (FindObjectFlags bits) and optional file, or null. */
@FunctionalInterface
public interface ObjectFinder {
    int CONSTANT = 1, FUNCTION = 2, VARIABLE = 4, ANY = 7;

    DrgnObject find(String name, int flags, String filename);
}
