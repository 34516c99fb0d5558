package io.srecopilot.ai.precedent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrecedentMatcherTest {

    private static final Precedent POOL = precedent("INC-4", "payments", "Payments failing",
            "Connection pool exhausted after the v7 deploy", Map.of("team", "payments", "env", "prod"));
    private static final Precedent DISK = precedent("INC-9", "search", "Search index disk full",
            "Disk filled by debug logging", Map.of("team", "search"));

    @Test
    void theSameServiceSayingTheSameThingsIsAPrecedentAnotherServiceIsNot() {
        List<String> words = PrecedentMatcher.words("Payments failing", "payments is failing requests",
                "connection pool exhausted");

        List<PrecedentMatch> matches = PrecedentMatcher.match(List.of(POOL, DISK), UUID.randomUUID(), "payments",
                Map.of("team", "payments", "env", "prod"), words);

        assertEquals(List.of("INC-4"), matches.stream().map(PrecedentMatch::reference).toList());
        assertTrue(matches.get(0).similarity() >= PrecedentMatcher.THRESHOLD);
        assertEquals("Connection pool exhausted after the v7 deploy", matches.get(0).rootCause());
    }

    @Test
    void theSameServiceAloneIsNotEnough() {
        List<PrecedentMatch> matches = PrecedentMatcher.match(List.of(POOL), UUID.randomUUID(), "payments", Map.of(),
                PrecedentMatcher.words("Payments latency", "slow card tokenisation upstream"));

        assertTrue(matches.isEmpty(), "a different problem on the same service: " + matches);
    }

    @Test
    void anIncidentIsNeverItsOwnPrecedent() {
        assertTrue(PrecedentMatcher.match(List.of(POOL), POOL.incidentId, "payments", Map.of("team", "payments",
                "env", "prod"), POOL.details.words()).isEmpty());
    }

    private static Precedent precedent(String reference, String service, String title, String rootCause,
            Map<String, String> labels) {
        Precedent precedent = new Precedent();
        precedent.incidentId = UUID.randomUUID();
        precedent.reference = reference;
        precedent.service = service;
        precedent.title = title;
        precedent.details = new PrecedentDetails(labels, rootCause, null, null, Words.of(title, rootCause));
        precedent.learnedAt = Instant.parse("2026-11-01T00:00:00Z");
        return precedent;
    }
}
