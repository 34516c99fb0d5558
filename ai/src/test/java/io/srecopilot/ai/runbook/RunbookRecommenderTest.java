package io.srecopilot.ai.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunbookRecommenderTest {

    private final HypothesisTraits poolExhausted = new HypothesisTraits("payments", "dependency",
            "payments is failing because of a dependency", "2 alert(s) on payments point to a failing dependency",
            List.of("DatabaseConnectionErrors", "HighLatency"), Map.of("team", "payments-core"));

    @Test
    void theRunbookWrittenForTheServiceAndAlertComesFirstWithItsReasons() {
        RunbookRecord exact = record("Drain the payments connection pool", List.of("dependency", "database"),
                List.of("payments"), List.of("DatabaseConnection*"), 3, 1200L);
        RunbookRecord generic = record("Roll back a bad deploy", List.of("change"), List.of(), List.of("*Deploy*"), 0, null);
        RunbookRecord wordsOnly = record("Database failover for payments dependency", List.of(), List.of(), List.of(), 0, null);

        List<Recommendation> found = RunbookRecommender.recommend(poolExhausted, List.of(generic, wordsOnly, exact));

        assertEquals(List.of("Drain the payments connection pool", "Database failover for payments dependency"),
                found.stream().map(Recommendation::title).toList());
        Recommendation best = found.get(0);
        assertTrue(best.reasons().contains("written for payments"), best.reasons().toString());
        assertTrue(best.reasons().contains("for alerts like DatabaseConnectionErrors"), best.reasons().toString());
        assertTrue(best.reasons().contains("tagged dependency, database"), best.reasons().toString());
        assertEquals(3, best.timesUsed());
        assertEquals(1200L, best.mttrSecondsSeen());
        assertEquals("medium", best.riskLevel());
    }

    @Test
    void atMostThreeAndNoneBelowTheThreshold() {
        List<RunbookRecord> many = List.of(
                record("A payments dependency", List.of(), List.of("payments"), List.of(), 0, null),
                record("B payments dependency", List.of(), List.of("payments"), List.of(), 0, null),
                record("C payments dependency", List.of(), List.of("payments"), List.of(), 0, null),
                record("D payments dependency", List.of(), List.of("payments"), List.of(), 0, null),
                record("Unrelated: rotate TLS certificates", List.of("tls"), List.of("edge"), List.of("Cert*"), 0, null));

        List<Recommendation> found = RunbookRecommender.recommend(poolExhausted, many);

        assertEquals(3, found.size());
        assertFalse(found.stream().anyMatch(recommendation -> recommendation.title().startsWith("Unrelated")));
    }

    @Test
    void wildcardsMatchWholeNamesAndEverythingElseIsLiteral() {
        assertTrue(RunbookRecommender.glob("KubePod*").matcher("KubePodCrashLooping").matches());
        assertTrue(RunbookRecommender.glob("High?atency").matcher("HighLatency").matches());
        assertFalse(RunbookRecommender.glob("Kube.Pod").matcher("KubeXPod").matches());
        assertFalse(RunbookRecommender.glob("Pod").matcher("KubePodCrashLooping").matches());
    }

    private static RunbookRecord record(String title, List<String> tags, List<String> services, List<String> patterns,
            long used, Long mttr) {
        Runbook runbook = new Runbook();
        runbook.id = UUID.randomUUID();
        runbook.title = title;
        runbook.description = null;
        runbook.steps = "1. Look.";
        runbook.riskLevel = "medium";
        runbook.matching = new RunbookMatching(tags, services, patterns);
        return new RunbookRecord(runbook, used, mttr);
    }
}
