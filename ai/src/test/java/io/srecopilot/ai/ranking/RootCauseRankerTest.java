package io.srecopilot.ai.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RootCauseRankerTest {

    private static final Instant INCIDENT = Instant.parse("2026-11-30T10:00:00Z");
    private static final int MINUTES = 90;
    /** Minute of the series at which the incident starts. */
    private static final int INCIDENT_MINUTE = 80;

    private final RootCauseRanker ranker = new RootCauseRanker();

    @Test
    void aSingleSpikeDoesNotMakeAServiceSuspectButALastingDepartureDoes() {
        List<ServiceSuspicion> ranked = ranker.rank(INCIDENT, List.of(
                series("spiky", m -> 100 + wobble(m) + (m == 75 ? 900 : 0)),
                series("failing", m -> 100 + wobble(m) + (m >= 74 ? 60 : 0))), List.of());

        Map<String, ServiceSuspicion> byService = byService(ranked);
        assertEquals("failing", ranked.get(0).service());
        assertFalse(byService.get("spiky").anomalous());
        assertEquals(at(74), byService.get("failing").onset());
    }

    @Test
    void theServiceWhoseAnomalyBeganFirstOutranksALouderOneThatFollowed() {
        List<ServiceSuspicion> ranked = ranker.rank(INCIDENT, List.of(
                series("callee", m -> 100 + wobble(m) + (m >= 70 ? 40 : 0)),
                series("caller", m -> 100 + wobble(m) + (m >= 75 ? 60 : 0))), List.of());

        assertEquals(List.of("callee", "caller"), ranked.stream().map(ServiceSuspicion::service).toList());
        assertEquals(300, byService(ranked).get("caller").lagSeconds());
    }

    @Test
    void aChangeShortlyBeforeTheOnsetMakesAServiceMoreSuspect() {
        List<MetricSeries> twins = List.of(series("a", m -> 100 + wobble(m) + (m >= 74 ? 50 : 0)),
                series("b", m -> 100 + wobble(m) + (m >= 74 ? 50 : 0)));
        ServiceChange deploy = new ServiceChange("b", at(72), "b v42");

        List<ServiceSuspicion> ranked = ranker.rank(INCIDENT, twins, List.of(deploy));

        assertEquals("b", ranked.get(0).service());
        assertEquals(deploy, ranked.get(0).change());
        assertNull(ranked.get(1).change());
        ServiceSuspicion stale = ranker.rank(INCIDENT, twins, List.of(new ServiceChange("b", at(20), "old"))).get(0);
        assertEquals("a", stale.service(), "a change long before the onset is no evidence");
    }

    @Test
    void aSlowDailyDriftIsNormalNotAnAnomaly() {
        List<ServiceSuspicion> ranked = ranker.rank(INCIDENT,
                List.of(series("drifting", m -> 100 + 2.0 * m + wobble(m))), List.of());

        assertFalse(ranked.get(0).anomalous(), "the baseline follows the trend: " + ranked.get(0));
    }

    @Test
    void aSeriesWithoutHistoryBeforeTheWindowIsNotJudged() {
        List<double[]> recent = new ArrayList<>();
        for (int m = INCIDENT_MINUTE - 5; m < MINUTES; m++) {
            recent.add(new double[] { at(m).getEpochSecond(), 500 });
        }
        List<ServiceSuspicion> ranked = ranker.rank(INCIDENT, List.of(new MetricSeries("new", "latency", recent),
                series("known", m -> 100 + wobble(m) + (m >= 74 ? 50 : 0))), List.of());

        assertEquals(List.of("known"), ranked.stream().map(ServiceSuspicion::service).toList());
        assertNotNull(ranked.get(0).onset());
        assertTrue(ranked.get(0).strength() > RootCauseRanker.THRESHOLD);
    }

    private static MetricSeries series(String service, IntToDoubleFunction valueAtMinute) {
        List<double[]> points = new ArrayList<>();
        for (int m = 0; m < MINUTES; m++) {
            points.add(new double[] { at(m).getEpochSecond(), valueAtMinute.applyAsDouble(m) });
        }
        return new MetricSeries(service, "latency_p99", points);
    }

    /** Deterministic noise of a few percent. */
    private static double wobble(int minute) {
        return 3 * Math.sin(minute * 1.7) + 2 * Math.cos(minute * 0.9);
    }

    private static Instant at(int minute) {
        return INCIDENT.plusSeconds(60L * (minute - INCIDENT_MINUTE));
    }

    private static Map<String, ServiceSuspicion> byService(List<ServiceSuspicion> ranked) {
        return ranked.stream().collect(Collectors.toMap(ServiceSuspicion::service, suspicion -> suspicion));
    }
}
