package io.srecopilot.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * Removes credentials from what the audit trail keeps (event data, a request's before and after):
 * the audit log says that a key was created, never what could be used to forge one.
 */
public final class SensitiveFields {

    private static final Set<String> NAMES = Set.of("password", "passwordhash", "secret", "token", "accesstoken",
            "refreshtoken", "key", "keyhash", "ticket", "apikey", "invitationtoken", "credentials", "authorization");

    private SensitiveFields() {
    }

    /** A copy of the tree without credential fields, at any depth; an empty object for none. */
    public static JsonNode redact(JsonNode data) {
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
