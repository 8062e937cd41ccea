package org.jdrgn.lang.js;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.error.DrgnException;
import org.jdrgn.error.FaultException;
import org.jdrgn.error.KeyNotFoundException;
import org.jdrgn.error.LookupException;
import org.jdrgn.error.MissingDebugInfoException;
import org.jdrgn.error.ObjectAbsentException;
import org.jdrgn.error.OutOfBoundsException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;

/**
 * Engine exception -> drgn's JS error class. drgn.js registers one factory per class name;
 * the JS object is thrown from Java ({@code Value.throwException}) so a script sees a real
 * {@code drgn.FaultError} with its own stack, never a raw Java exception.
 */
final class JsErrors {
    private final Map<String, Value> factories = new HashMap<>();

    void register(Value table) {
        for (String key : table.getMemberKeys()) factories.put(key, table.getMember(key));
    }

    /** Throws the JS error for {@code e}; declared to return so callers can write {@code throw}. */
    RuntimeException raise(Throwable e) {
        Value error = switch (e) {
            case FaultException f -> make("FaultError", f.bareMessage(), f.address());
            case KeyNotFoundException k -> make("KeyError", k.key());
            case LookupException l -> make("LookupError", l.getMessage());
            case MissingDebugInfoException m -> make("MissingDebugInfoError", m.getMessage());
            case ObjectAbsentException a -> make("ObjectAbsentError", a.getMessage());
            case OutOfBoundsException o -> make("OutOfBoundsError", o.getMessage());
            case TypeErrorException t -> make("TypeError", t.getMessage());
            case ValueErrorException v -> make("ValueError", v.getMessage());
            case FormatException f -> make("ValueError", f.getMessage());
            case DrgnException d when d.getCause() instanceof NoSuchFileException n ->
                    make("OSError", 2, "No such file or directory", n.getFile());
            case DrgnException d when d.getCause() instanceof AccessDeniedException a ->
                    make("OSError", 13, "Permission denied", a.getFile());
            case DrgnException d -> make("Error", d.getMessage());
            case ArithmeticException a -> make("RangeError", a.getMessage());
            case StackOverflowError s -> make("RangeError", "maximum recursion depth exceeded in jdrgn");
            default -> make("Error", "internal error in jdrgn: " + e);
        };
        return error.throwException();
    }

    private Value make(String name, Object... args) {
        Value factory = factories.get(name);
        if (factory == null) throw new IllegalStateException("drgn.js did not register " + name);
        return factory.execute(args);
    }
}
