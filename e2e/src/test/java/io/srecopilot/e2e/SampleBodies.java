package io.srecopilot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid body for each operation that takes one ({@code api/sample-bodies.json}), so a security
 * test's answer depends on the caller alone, and the fuzzer has something to break. An operation
 * the file does not know fails the test that asks: a new endpoint gets a sample when it is added.
 */
public final class SampleBodies {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z-]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SAMPLES = load();

    private SampleBodies() {
    }

    /** The operation's sample as JSON text, placeholders filled from the resolver ("unique" always fresh). */
    public static String of(ApiOperation operation, Function<String, String> idOfCollection) {
        JsonNode sample = SAMPLES.get(operation.key());
        if (sample == null) {
            throw new AssertionError("No sample body for " + operation + " in api/sample-bodies.json");
        }
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Matcher matcher = PLACEHOLDER.matcher(sample.toString());
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(
                    "unique".equals(name) ? unique : idOfCollection.apply(name)));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static JsonNode load() {
        try (InputStream in = SampleBodies.class.getResourceAsStream("/api/sample-bodies.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
