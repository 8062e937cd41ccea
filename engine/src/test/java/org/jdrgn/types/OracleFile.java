package org.jdrgn.types;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdrgn.error.LookupException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;

/** Reads an oracle file: records "=== header" with fields "--- name" and their (multi-line) values. */
record OracleFile(List<Entry> entries) {
    record Entry(String header, Map<String, String> fields) {
        String get(String field) {
            String v = fields.get(field);
            if (v == null) throw new IllegalStateException(header + ": no field " + field);
            return v;
        }
    }

    static OracleFile load(String resource) throws IOException {
        try (InputStream in = OracleFile.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing resource " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Entry> entries = new ArrayList<>();
            Map<String, String> fields = null;
            String field = null;
            StringBuilder value = null;
            for (String line : text.split("\n", -1)) {
                if (line.startsWith("=== ") || line.startsWith("--- ")) {
                    if (field != null) fields.put(field, value.toString());
                    field = null;
                    if (line.startsWith("=== ")) {
                        fields = new LinkedHashMap<>();
                        entries.add(new Entry(line.substring(4), fields));
                    } else {
                        field = line.substring(4);
                        value = null;
                    }
                } else if (field != null) {
                    value = value == null ? new StringBuilder(line) : value.append('\n').append(line);
                }
            }
            if (field != null) fields.put(field, value.toString().stripTrailing());
            return new OracleFile(entries);
        }
    }

    /** The oracle's spelling of a result: the value, or "!TypeError: message" for an error. */
    static String outcome(java.util.function.Supplier<Object> f) {
        try {
            Object v = f.get();
            return v == null ? "None" : v instanceof Boolean b ? (b ? "True" : "False") : v.toString();
        } catch (TypeErrorException e) {
            return "!TypeError: " + e.getMessage();
        } catch (LookupException e) {
            return "!LookupError: " + e.getMessage();
        } catch (ValueErrorException e) {
            return "!ValueError: " + e.getMessage();
        } catch (CSyntaxException e) {
            return "!SyntaxError: " + e.getMessage();
        }
    }
}
