package io.srecopilot.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * Removes credentials from event data before it is kept: the audit log says that a key was
 * created, never what could be used to forge one.
 */
final class SensitiveFields {

    private static final Set<String> NAMES = Set.of("password", "passwordhash", "secret", "token", "accesstoken",
            "refreshtoken", "key", "keyhash", "ticket", "apikey");

    private SensitiveFields() {
    }

    static JsonNode redact(JsonNode data) {
        if (data == null || data.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode copy = data.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> NAMES.contains(field.getKey().toLowerCase(Locale.ROOT)));
            object.forEach(SensitiveFields::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(SensitiveFields::strip);
        }
    }
}
