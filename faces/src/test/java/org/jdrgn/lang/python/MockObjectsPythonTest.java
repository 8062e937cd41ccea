package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * drgn's Object API from Python on a mock program (memory segment + hand-built types): the
 * same script run by drgn 0.0.22 (objects_mock.drgn.txt, committed) and by jdrgn must print
 * the same text — operators, conversions, printing, errors and Python protocol details.
 */
@Tag("slow")
class MockObjectsPythonTest {
    private static final Path DIR = Path.of("faces/src/test/resources/org/jdrgn/lang/python");

    @Test
    void objectApiPrintsAsDrgn() throws Exception {
        String script = Files.readString(DIR.resolve("objects_mock.py"));
        String drgn = Files.readString(DIR.resolve("objects_mock.drgn.txt"));
        assertEquals(drgn, PythonHarness.out(null, script));
    }
}
