package org.jdrgn.dwarf;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of DWARF constants ("DW_TAG_structure_type"), derived once from the public int fields
 * of the constant holder classes so that the tables cannot drift from the constants.
 */
public final class DwNames {
    private static final Map<Class<?>, Map<Integer, String>> TABLES = new ConcurrentHashMap<>();

    private DwNames() {}

    public static String tag(int v) { return name(DwTag.class, "DW_TAG_", v); }

    public static String at(int v) { return name(DwAt.class, "DW_AT_", v); }

    public static String form(int v) { return name(DwForm.class, "DW_FORM_", v); }

    private static String name(Class<?> holder, String prefix, int v) {
        String n = TABLES.computeIfAbsent(holder, DwNames::table).get(v);
        return n != null ? prefix + n : prefix + "0x" + Integer.toHexString(v);
    }

    private static Map<Integer, String> table(Class<?> holder) {
        Map<Integer, String> m = new HashMap<>();
        for (Field f : holder.getFields()) {
            if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers())) continue;
            try {
                m.putIfAbsent(f.getInt(null), f.getName().replaceAll("_$", ""));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.copyOf(m);
    }
}
