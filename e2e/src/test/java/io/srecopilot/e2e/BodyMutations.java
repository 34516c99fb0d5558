package io.srecopilot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Broken and hostile variants of a valid JSON body, each named for the failure message: broken
 * syntax and the wrong kind of document; nesting deep enough to exhaust a recursive parser; a
 * body over the size limit; and, at every value of the body (nested ones too), the value removed,
 * null, of every wrong type, a number out of range, a huge string, a huge array and odd Unicode
 * (direction overrides, zero-width joiners, combining marks, a NUL, a lone surrogate, emoji).
 */
public final class BodyMutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String ODD_UNICODE = "\u202Eevil\u202C \uD83D\uDC69\u200D\uD83D\uDCBB e\u0301\u0301\u0301 \u0000 \uD800 \uFEFF";
    private static final int HUGE = 100_000;
    /** The variant over every service's body limit (1 MiB). */
    public static final String OVERSIZE = "3 MiB";

    private BodyMutations() {
    }

    public static Map<String, String> of(String validBody) {
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("an empty body", "");
        variants.put("cut-off JSON", validBody.substring(0, validBody.length() / 2));
        variants.put("a JSON array", "[" + validBody + "]");
        variants.put("JSON null", "null");
        variants.put("a JSON string", "\"" + validBody.replace("\"", "'") + "\"");
        variants.put("a JSON number", "42");
        variants.put("nesting 100,000 deep", "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        variants.put(OVERSIZE, validBody.substring(0, validBody.length() - 1) + ",\"padding\":\""
                + "x".repeat(3 * 1024 * 1024) + "\"}");
        JsonNode seed = read(validBody);
        for (String path : valuePaths(seed, "")) {
            JsonNode original = at(seed, path);
            for (Map.Entry<String, JsonNode> replacement : replacementsFor(original).entrySet()) {
                variants.put(path + " " + replacement.getKey(), edited(seed, path, holder -> set(holder, last(path),
                        replacement.getValue())));
            }
            variants.put(path + " removed", edited(seed, path, holder -> remove(holder, last(path))));
        }
        return variants;
    }

    private static Map<String, JsonNode> replacementsFor(JsonNode original) {
        Map<String, JsonNode> replacements = new LinkedHashMap<>();
        replacements.put("null", NODES.nullNode());
        replacements.put("as an object", NODES.objectNode().put("$gt", ""));
        replacements.put("as an array", NODES.arrayNode().add("x"));
        replacements.put("as a number", NODES.numberNode(12345));
        replacements.put("as a boolean", NODES.booleanNode(true));
        replacements.put("as a string", NODES.textNode("not what you expect"));
        replacements.put("as a number too big for any type", NODES.numberNode(new BigInteger("9".repeat(400))));
        replacements.put("as a negative number", NODES.numberNode(-1));
        replacements.put("as a huge string", NODES.textNode("y".repeat(HUGE)));
        replacements.put("as odd Unicode", NODES.textNode(ODD_UNICODE));
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 10_000; i++) {
            many.add(original.isContainerNode() ? NODES.textNode("x") : original);
        }
        replacements.put("as 10,000 items", many);
        return replacements;
    }

    /** Every value's path ("/a", "/a/0/b"), containers before what they hold. */
    private static List<String> valuePaths(JsonNode node, String at) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                paths.add(at + "/" + name);
                paths.addAll(valuePaths(node.get(name), at + "/" + name));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            paths.add(at + "/0");
            paths.addAll(valuePaths(node.get(0), at + "/0"));
        }
        return paths;
    }

    private static String edited(JsonNode seed, String path, Consumer<JsonNode> edit) {
        JsonNode copy = seed.deepCopy();
        edit.accept(at(copy, path.substring(0, path.lastIndexOf('/'))));
        return copy.toString();
    }

    private static JsonNode at(JsonNode root, String path) {
        return path.isEmpty() ? root : root.at(path);
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void set(JsonNode holder, String name, JsonNode value) {
        if (holder instanceof ObjectNode object) {
            object.set(name, value);
        } else {
            ((ArrayNode) holder).set(Integer.parseInt(name), value);
        }
    }

    private static void remove(JsonNode holder, String name) {
        if (holder instanceof ObjectNode object) {
            object.remove(name);
        } else {
            ((ArrayNode) holder).remove(Integer.parseInt(name));
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("A sample body that is not JSON: " + body, e);
        }
    }
}
