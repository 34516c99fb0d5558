package io.srecopilot.platform.events.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.testing.EventContracts;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyTypeIsSpeltOnceAndEveryCataloguedTypeIsOne() throws IllegalAccessException {
        List<String> types = new ArrayList<>();
        for (Field field : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                types.add((String) field.get(null));
            }
        }
        assertEquals(types.size(), new HashSet<>(types).size(), "an event type is spelt twice: " + types);
        assertTrue(types.containsAll(EventCatalog.payloads().keySet()));
        assertTrue(types.stream().allMatch(type -> type.matches("[a-z]+(\\.[a-z_]+)+")), types.toString());
    }

    /** Payloads are read by Jackson outside REST: a native image must keep every record they reach. */
    @Test
    void everyPayloadRecordIsKeptForReflectionInANativeImage() {
        Set<Class<?>> records = new HashSet<>();
        EventCatalog.payloads().values().forEach(payload -> reachable(payload, records));
        assertTrue(records.size() > EventCatalog.payloads().size());
        records.forEach(record -> assertTrue(record.isAnnotationPresent(RegisterForReflection.class),
                record.getName() + " is not registered for reflection"));
    }

    @Test
    void aPayloadWrittenByItsOwnRecordHonoursItsContract() {
        IncidentSummary incident = new IncidentSummary(UUID.randomUUID(), 7, "INC-7", "Checkout errors", "checkout",
                Severity.CRITICAL, "DETECTED", "alertmanager", Map.of("team", "payments"),
                Instant.parse("2026-12-02T06:00:00Z"), null);
        IncidentCreated created = new IncidentCreated(incident, List.of(new IncidentCreated.Alert(UUID.randomUUID(),
                "fp", "HighErrorRate", "checkout", Severity.HIGH, "firing", Instant.parse("2026-12-02T05:59:00Z"),
                Map.of(), Map.of())));

        assertEquals(created, EventContracts.read(EventTypes.INCIDENT_CREATED, mapper.valueToTree(created),
                IncidentCreated.class));

        AlertGroupChanged group = new AlertGroupChanged(UUID.randomUUID(), "{}:{alertname=\"X\"}", "firing",
                "alertmanager", "sre", Map.of(), Map.of(), null, 0,
                new AlertGroupChanged.Correlation("group-key", null, null, Map.of("groupKey", "k"), null), List.of());
        assertEquals(group, EventContracts.read(EventTypes.ALERT_GROUP_OPENED, mapper.valueToTree(group),
                AlertGroupChanged.class));
    }

    @Test
    void aProducerThatDropsOrRetypesAFieldBreaksTheContractWhileASupersetKeepsIt() {
        ObjectNode decided = mapper.valueToTree(new PolicyDecided(UUID.randomUUID(), "ack", UUID.randomUUID(),
                "auto_acknowledge", "ACKNOWLEDGED", PolicyDecided.ENFORCE, "confident", new BigDecimal("0.91"), null,
                null));

        ObjectNode superset = decided.deepCopy().put("addedLater", "ignored by consumers");
        EventContracts.read(EventTypes.POLICY_DECIDED, superset, PolicyDecided.class);

        ObjectNode dropped = decided.deepCopy();
        dropped.remove("targetState");
        assertThrows(AssertionError.class, () -> EventContracts.read(EventTypes.POLICY_DECIDED, dropped,
                PolicyDecided.class));

        ObjectNode retyped = decided.deepCopy().put("incidentId", "INC-7");
        assertThrows(AssertionError.class, () -> EventContracts.read(EventTypes.POLICY_DECIDED, retyped,
                PolicyDecided.class));
    }

    @Test
    void aNestedRecordMissingAFieldBreaksTheContract() {
        ObjectNode moved = mapper.valueToTree(new IncidentTransitioned(new IncidentSummary(UUID.randomUUID(), 3,
                "INC-3", "t", "cart", Severity.LOW, "LEARNED", "manual", Map.of(), null, null), "RESOLVED", "LEARNED",
                null, new IncidentTransitioned.Postmortem("s", "r", null)));
        ((ObjectNode) moved.get("incident")).remove("service");

        assertThrows(AssertionError.class, () -> EventContracts.read(EventTypes.INCIDENT_TRANSITIONED, moved,
                IncidentTransitioned.class));
    }

    @Test
    void consumersReadAnOlderProducersPayloadWithoutTheFieldsItNeverWrote() throws Exception {
        JsonNode older = mapper.readTree("""
                {"incident": {"id": "%s", "title": "t", "service": "cart", "severity": "warning",
                 "state": "DETECTED"}}""".formatted(UUID.randomUUID()));

        IncidentCreated created = mapper.treeToValue(older, IncidentCreated.class);

        assertEquals(Severity.MEDIUM, created.incident().severity());
        assertEquals(List.of(), created.signals());
        assertEquals(Map.of(), created.incident().labels());
    }

    @Test
    void anUpdateSaysWhatAFieldWasChangedToAndNullForAFieldItLeftAlone() throws Exception {
        IncidentUpdated updated = mapper.treeToValue(mapper.readTree("""
                {"incident": null, "changes": {"severity": {"from": "low", "to": "critical"},
                 "alertGroupAttached": "%s"}}""".formatted(UUID.randomUUID())), IncidentUpdated.class);

        assertEquals("critical", updated.changedTo("severity"));
        assertEquals(null, updated.changedTo("title"));
        assertEquals(null, updated.changedTo("alertGroupAttached"));
    }

    private static void reachable(Class<?> type, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            reachable(component.getType(), seen);
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType parameterized) {
                for (Type argument : parameterized.getActualTypeArguments()) {
                    if (argument instanceof Class<?> argumentClass) {
                        reachable(argumentClass, seen);
                    }
                }
            }
        }
    }
}
