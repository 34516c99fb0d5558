package io.srecopilot.audit.chain;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each tenant's audit trail is a hash chain its owners can check; tampering shows, retention keeps it checkable. */
@QuarkusTest
class HashChainTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool database;

    @Inject
    AuditRetention retention;

    private final TestCaller owner = TestCaller.newTenant(Role.OWNER);

    @Test
    void anUntouchedChainVerifiesAndEachRecordHashesTheOneBefore() {
        record(5);

        given().auth().oauth2(owner.token()).when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("verified", equalTo(true)).body("recordsChecked", equalTo(5)).body("headSeq", equalTo(5))
                .body("firstBreak", nullValue());
        Object[] second = row("SELECT prev_hash, (SELECT hash FROM audit.audit_record r WHERE r.tenant_id = $1 AND r.seq = 1)"
                + " FROM audit.audit_record WHERE tenant_id = $1 AND seq = 2");
        assertTrue(second[0].equals(second[1]), "record 2 chains to record 1");
    }

    @Test
    void eventsOfSeveralTenantsReadTogetherExtendEachTenantsChainInOrder() {
        List<TestCaller> owners = List.of(owner, TestCaller.newTenant(Role.OWNER), TestCaller.newTenant(Role.OWNER));
        List<EventEnvelope> interleaved = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (TestCaller tenant : owners) {
                interleaved.add(EventEnvelope.create("incident.commented", tenant.tenantId(), tenant.projectId(),
                        new Actor(ActorType.USER, tenant.userId().toString()), new ResourceRef("incident", "i-" + i),
                        mapper.valueToTree(Map.of("body", "note " + i))));
            }
        }
        TestStream.appendTogether(interleaved);

        for (TestCaller tenant : owners) {
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(tenant.token()).when()
                    .get("/api/v1/audit/verify").then().statusCode(200).body("verified", equalTo(true))
                    .body("recordsChecked", equalTo(12)).body("headSeq", equalTo(12)));
        }
    }

    @Test
    void anAlteredRecordIsTheFirstBreak() {
        record(4);
        sql("BEGIN; ALTER TABLE audit.audit_record DISABLE TRIGGER audit_record_no_update;"
                + " UPDATE audit.audit_record SET actor_id = 'someone-else' WHERE tenant_id = '" + owner.tenantId()
                + "' AND seq = 3; ALTER TABLE audit.audit_record ENABLE TRIGGER audit_record_no_update; COMMIT;");

        given().auth().oauth2(owner.token()).when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("verified", equalTo(false)).body("firstBreak.seq", equalTo(3))
                .body("firstBreak.reason", equalTo("its content does not match its hash: it was altered"));
    }

    @Test
    void aRemovedRecordIsTheFirstBreakAndTheApplicationCannotChangeOrRemoveAny() {
        record(4);
        assertThrows(Exception.class, () -> sql("UPDATE audit.audit_record SET action = 'x' WHERE tenant_id = '"
                + owner.tenantId() + "'"));
        assertThrows(Exception.class, () -> sql("DELETE FROM audit.audit_record WHERE tenant_id = '" + owner.tenantId() + "'"));
        sql("BEGIN; SELECT set_config('sre.audit_retention', 'on', true); DELETE FROM audit.audit_record WHERE tenant_id = '"
                + owner.tenantId() + "' AND seq = 2; COMMIT;");

        given().auth().oauth2(owner.token()).when().get("/api/v1/audit/verify").then()
                .body("verified", equalTo(false)).body("firstBreak.seq", equalTo(2))
                .body("firstBreak.reason", equalTo("record 2 is missing; the next is 3"));
    }

    @Test
    void retentionRemovesOldRecordsAndLeavesACheckpointSoTheRestStillVerifies() throws Throwable {
        given().auth().oauth2(owner.token()).contentType("application/json").body(Map.of("days", 30))
                .when().put("/api/v1/audit/retention").then().statusCode(200).body("days", equalTo(30));
        // Setting the retention is itself a request the trail keeps: record 1.
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(owner.token()).when().get("/api/v1/audit")
                .then().body("items.action", equalTo(List.of("http.request"))));
        record(3);

        VertxContextSupport.subscribeAndAwait(() -> retention.purge(Instant.now().plus(Duration.ofDays(31))));
        record(2);

        given().auth().oauth2(owner.token()).when().get("/api/v1/audit/verify").then()
                .body("verified", equalTo(true)).body("recordsChecked", equalTo(2)).body("headSeq", equalTo(6));
        given().auth().oauth2(owner.token()).when().get("/api/v1/audit").then().body("items.size()", equalTo(2));
    }

    @Test
    void onlyOwnersVerifyAndSetRetentionWithinItsBounds() {
        given().when().get("/api/v1/audit/verify").then().statusCode(401);
        given().auth().oauth2(owner.withRole(Role.ADMIN).token()).when().get("/api/v1/audit/verify").then().statusCode(403);
        given().auth().oauth2(owner.withRole(Role.ADMIN).token()).contentType("application/json")
                .body(Map.of("days", 30)).when().put("/api/v1/audit/retention").then().statusCode(403);
        given().auth().oauth2(owner.token()).contentType("application/json").body(Map.of("days", 0))
                .when().put("/api/v1/audit/retention").then().statusCode(400).body("errors[0].field", equalTo("days"));
        given().auth().oauth2(owner.token()).when().get("/api/v1/audit/retention").then().statusCode(200)
                .body("days", equalTo(365)).body("custom", equalTo(false));
    }

    /** Announces {@code count} events of the owner's project and waits until all are recorded. */
    private void record(int count) {
        int before = given().auth().oauth2(owner.token()).queryParam("limit", 200).when().get("/api/v1/audit")
                .then().extract().path("items.size()");
        for (int i = 0; i < count; i++) {
            TestStream.append(EventEnvelope.create("incident.commented", owner.tenantId(), owner.projectId(),
                    new Actor(ActorType.USER, owner.userId().toString()), new ResourceRef("incident", "i-" + i),
                    mapper.valueToTree(Map.of("body", "note " + i, "confidence", 0.5 + i, "at", UUID.randomUUID()))));
        }
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(owner.token()).queryParam("limit", 200)
                .when().get("/api/v1/audit").then().body("items.size()", equalTo(before + count)));
    }

    private Object[] row(String query) {
        var rows = database.preparedQuery(query).execute(Tuple.of(owner.tenantId())).await().atMost(WAIT);
        var row = rows.iterator().next();
        return new Object[] { row.getValue(0), row.getValue(1) };
    }

    private void sql(String statements) {
        database.query(statements).execute().await().atMost(WAIT);
    }
}
