package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** drgn.helpers.common (format, type) print exactly what drgn 0.0.22's own helpers print. */
@Tag("slow")
class HelpersCommonTest {
    private static final Path DIR = Path.of("faces/src/test/resources/org/jdrgn/lang/python");

    @Test
    void helpersMatchDrgn() throws Exception {
        assertEquals(Files.readString(DIR.resolve("helpers_common.drgn.txt")),
                PythonHarness.out(null, Files.readString(DIR.resolve("helpers_common.py"))));
    }
}
