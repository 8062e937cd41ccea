package org.jdrgn.lang;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.error.AttributeException;
import org.jdrgn.error.DrgnException;
import org.jdrgn.error.FaultException;
import org.jdrgn.error.KeyNotFoundException;
import org.jdrgn.error.LookupException;
import org.jdrgn.error.MissingDebugInfoException;
import org.jdrgn.error.ObjectAbsentException;
import org.jdrgn.error.OutOfBoundsException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.objects.IntegerOverflowException;
import org.jdrgn.objects.ZeroDivisionException;
import org.jdrgn.types.CSyntaxException;

/**
 * Which drgn exception an engine exception is, named as drgn's Python classes, with the
 * constructor arguments drgn uses. The one classification both language adapters share:
 * Python raises the class of that name, JS its counterpart in drgn.js.
 */
public final class DrgnErrors {
    private DrgnErrors() {}

    /** A drgn exception class name and its arguments. */
    public record Spec(String name, Object... args) {}

    public static Spec of(Throwable e) {
        return switch (e) {
            case FaultException f -> new Spec("FaultError", f.bareMessage(), f.address());
            case KeyNotFoundException k -> new Spec("KeyError", k.key());
            case LookupException l -> new Spec("LookupError", l.getMessage());
            case MissingDebugInfoException m -> new Spec("MissingDebugInfoError", m.getMessage());
            case ObjectAbsentException a -> new Spec("ObjectAbsentError", a.getMessage());
            case OutOfBoundsException o -> new Spec("OutOfBoundsError", o.getMessage());
            case TypeErrorException t -> new Spec("TypeError", t.getMessage());
            case ValueErrorException v -> new Spec("ValueError", v.getMessage());
            case FormatException f -> new Spec("ValueError", f.getMessage());
            case CSyntaxException c -> new Spec("SyntaxError", c.getMessage());
            case AttributeException a -> new Spec("AttributeError", a.getMessage());
            case ZeroDivisionException z -> new Spec("ZeroDivisionError", z.getMessage());
            case IntegerOverflowException o -> new Spec("OverflowError", o.getMessage());
            case DrgnException d when d.getCause() instanceof NoSuchFileException n ->
                    new Spec("OSError", 2, "No such file or directory", n.getFile());
            case DrgnException d when d.getCause() instanceof AccessDeniedException a ->
                    new Spec("OSError", 13, "Permission denied", a.getFile());
            case DrgnException d -> new Spec("Exception", d.getMessage());
            case ArithmeticException a -> new Spec("ZeroDivisionError", a.getMessage());
            case StackOverflowError s -> new Spec("Exception", "maximum recursion depth exceeded in jdrgn");
            default -> new Spec("Exception", "internal error in jdrgn: " + e);
        };
    }
}
