package io.srecopilot.audit.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.srecopilot.audit.AuditRecord;
import io.srecopilot.platform.security.Hashes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The text a record's hash is taken over: its fields as JSON with keys sorted at every level and
 * numbers written in their shortest exact form, so the same record gives the same text whether it
 * was just built or read back from PostgreSQL (whose jsonb reorders keys and may rewrite numbers).
 */
public final class CanonicalRecord {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CanonicalRecord() {
    }

    public static String hash(String previousHash, AuditRecord record) {
        return Hashes.sha256Hex(previousHash + text(record));
    }

    static String text(AuditRecord record) {
        ObjectNode fields = NODES.objectNode();
        fields.put("seq", record.seq);
        fields.put("eventId", String.valueOf(record.eventId));
        fields.put("tenantId", record.tenantId == null ? null : record.tenantId.toString());
        fields.put("projectId", record.projectId == null ? null : record.projectId.toString());
        fields.put("occurredAt", record.occurredAt.toString());
        fields.put("actorType", record.actorType);
        fields.put("actorId", record.actorId);
        fields.put("action", record.action);
        fields.put("resourceType", record.resourceType);
        fields.put("resourceId", record.resourceId);
        fields.put("outcome", record.outcome);
        fields.set("data", record.data == null ? NODES.nullNode() : record.data);
        try {
            return JSON.writeValueAsString(canonical(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of plain JSON nodes always serialises", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode sorted = NODES.objectNode();
            names.forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode items = NODES.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                items.add(canonical(it.next()));
            }
            return items;
        }
        if (node.isNumber()) {
            // 100, 100.0 and 1e2 are one number: jsonb keeps numeric scale, Jackson reads floats as doubles.
            return NODES.textNode("n:" + node.decimalValue().stripTrailingZeros().toPlainString());
        }
        return node;
    }
}
