package org.jdrgn.lang.js;

import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;

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
        org.jdrgn.lang.DrgnErrors.Spec spec = org.jdrgn.lang.DrgnErrors.of(e);
        // drgn.js has JS counterparts for Python's generic and arithmetic errors.
        String name = switch (spec.name()) {
            case "Exception", "AttributeError", "SyntaxError" -> "Error";
            case "ZeroDivisionError", "OverflowError" -> "RangeError";
            default -> spec.name();
        };
        return make(name, spec.args()).throwException();
    }

    private Value make(String name, Object... args) {
        Value factory = factories.get(name);
        if (factory == null) throw new IllegalStateException("drgn.js did not register " + name);
        return factory.execute(args);
    }
}
