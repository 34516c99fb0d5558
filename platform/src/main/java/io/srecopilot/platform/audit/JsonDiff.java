package io.srecopilot.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between two JSON states, field by field: objects are walked, and any other value
 * (text, number, array) is compared whole at its path, so a changed list reads as "labels was
 * [a] and is [a, b]" rather than as index arithmetic. A state that did not exist (create, delete)
 * is null.
 */
public final class JsonDiff {

    /** One field that changed; {@code before} or {@code after} is null where the field was added or removed. */
    @RegisterForReflection // serialized by Jackson in request records: a native image must keep its accessors
    public record FieldChange(String path, JsonNode before, JsonNode after) {
    }

    private JsonDiff() {
    }

    public static List<FieldChange> between(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", before, after, changes);
        return changes;
    }

    private static void compare(String path, JsonNode was, JsonNode is, List<FieldChange> changes) {
        JsonNode before = present(was);
        JsonNode after = present(is);
        if (before.isObject() && after.isObject()) {
            for (String field : fieldsOf(before, after)) {
                compare(path + "/" + escape(field), before.path(field), after.path(field), changes);
            }
        } else if (before.isObject() && after.isMissingNode()) {
            before.fields().forEachRemaining(field -> compare(path + "/" + escape(field.getKey()), field.getValue(),
                    MissingNode.getInstance(), changes));
        } else if (before.isMissingNode() && after.isObject()) {
            after.fields().forEachRemaining(field -> compare(path + "/" + escape(field.getKey()),
                    MissingNode.getInstance(), field.getValue(), changes));
        } else if (!before.equals(after)) {
            changes.add(new FieldChange(path.isEmpty() ? "/" : path, valueOrNull(before), valueOrNull(after)));
        }
    }

    private static Set<String> fieldsOf(JsonNode before, JsonNode after) {
        Set<String> fields = new LinkedHashSet<>();
        for (Iterator<String> names = before.fieldNames(); names.hasNext();) {
            fields.add(names.next());
        }
        for (Iterator<String> names = after.fieldNames(); names.hasNext();) {
            fields.add(names.next());
        }
        return fields;
    }

    /** A null state or a JSON null field counts as absent, so "set to null" reads as removed. */
    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? MissingNode.getInstance() : node;
    }

    private static JsonNode valueOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    /** JSON Pointer escaping (RFC 6901), so a label key with a slash stays one segment. */
    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }
}
