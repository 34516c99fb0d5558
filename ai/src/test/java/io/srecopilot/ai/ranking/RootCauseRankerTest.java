package io.srecopilot.ai.ranking;

import static io.srecopilot.ai.ranking.Series.around100;
import static io.srecopilot.ai.ranking.Series.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RootCauseRankerTest {

    private final RootCauseRanker ranker = new RootCauseRanker();

    @Test
    void aSingleSpikeDoesNotMakeAServiceSuspectButALastingDepartureDoes() {
        Map<String, ServiceSuspicion> ranked = byService(rank(CallGraph.EMPTY,
                Series.of("spiky", "latency", MetricKind.LATENCY, m -> around100(m) + (m == 2 ? 900 : 0)),
                Series.of("failing", "latency", MetricKind.LATENCY, m -> around100(m) + (m >= 1 ? 60 : 0)),
                Series.of("calm", "latency", MetricKind.LATENCY, m -> around100(m + 7))));

        assertEquals(1, ranked.get("failing").rank());
        assertFalse(ranked.get("spiky").anomalous());
        assertEquals(at(1), ranked.get("failing").onset());
    }

    @Test
    void trafficThatFallsIsASymptomTrafficThatRisesIsNot() {
        List<ServiceSuspicion> ranked = rank(CallGraph.EMPTY,
                Series.of("surge", "requests", MetricKind.TRAFFIC, m -> around100(m) * (m >= 0 ? 2 : 1)),
                Series.of("outage", "requests", MetricKind.TRAFFIC, m -> around100(m + 3) * (m >= 0 ? 0.4 : 1)),
                Series.of("calm", "requests", MetricKind.TRAFFIC, m -> around100(m + 7)));

        assertEquals("outage", ranked.get(0).service());
        assertEquals(-1, ranked.get(0).evidence().direction());
        assertFalse(byService(ranked).get("surge").anomalous(), "a rise of traffic is no symptom");
    }

    @Test
    void aCalleeThatDepartedNoLaterExplainsItsCallersLatency() {
        MetricSeries callee = Series.of("payments", "latency", MetricKind.LATENCY, m -> around100(m) * (m >= 0 ? 3 : 1));
        MetricSeries caller = Series.of("checkout", "latency", MetricKind.LATENCY, m -> around100(m + 3) * (m >= 1 ? 6 : 1));
        List<MetricSeries> series = with(calm("latency", MetricKind.LATENCY, 4), callee, caller);
        CallGraph graph = new CallGraph(List.of(new CallGraph.Edge("checkout", "payments")));

        assertEquals("checkout", rank(CallGraph.EMPTY, series).get(0).service(),
                "without the call graph the louder caller leads");
        List<ServiceSuspicion> ranked = rank(graph, series);
        assertEquals("payments", ranked.get(0).service());
        ServiceSuspicion explained = byService(ranked).get("checkout");
        assertEquals("payments", explained.explainedBy());
        assertTrue(explained.explainedShare() > 0 && explained.explainedShare() < 1, explained.toString());
        assertEquals(List.of(new ServiceSuspicion.Neighbour("checkout", "caller", 60)), ranked.get(0).neighbours());
    }

    @Test
    void aServicesOwnSaturationOutranksTheLatencyOfItsCaller() {
        CallGraph graph = new CallGraph(List.of(new CallGraph.Edge("api", "db")));
        List<MetricSeries> series = new ArrayList<>(calm("cpu", MetricKind.SATURATION, 4));
        series.addAll(calm("latency", MetricKind.LATENCY, 4));
        series.add(Series.of("db", "cpu", MetricKind.SATURATION, m -> around100(m) * (m >= 0 ? 2 : 1)));
        series.add(Series.of("db", "latency", MetricKind.LATENCY, m -> around100(m + 1)));
        series.add(Series.of("api", "latency", MetricKind.LATENCY, m -> around100(m + 3) * (m >= 0 ? 10 : 1)));
        series.add(Series.of("api", "cpu", MetricKind.SATURATION, m -> around100(m + 2)));

        assertEquals("api", rank(CallGraph.EMPTY, series).get(0).service(), "alone, the tenfold latency leads");
        List<ServiceSuspicion> ranked = rank(graph, series);
        assertEquals("db", ranked.get(0).service());
        assertEquals(1.0, byService(ranked).get("api").explainedShare(), "a saturated callee explains all of it");
        assertEquals(MetricKind.SATURATION, ranked.get(0).evidence().kind());
    }

    @Test
    void aCallerThatFailsBeforeCallingIsBlamedForItsCalleesLostTraffic() {
        CallGraph graph = new CallGraph(List.of(new CallGraph.Edge("checkout", "payment"),
                new CallGraph.Edge("checkout", "email")));
        List<MetricSeries> series = new ArrayList<>(calm("requests", MetricKind.TRAFFIC, 4));
        series.addAll(calm("errors", MetricKind.ERRORS, 4));
        series.addAll(List.of(
                Series.of("payment", "requests", MetricKind.TRAFFIC, m -> around100(m) * (m >= 0 ? 0.05 : 1)),
                Series.of("email", "requests", MetricKind.TRAFFIC, m -> around100(m + 4) * (m >= 0 ? 0.05 : 1)),
                Series.of("checkout", "requests", MetricKind.TRAFFIC, m -> around100(m + 8)),
                Series.of("checkout", "errors", MetricKind.ERRORS, m -> around100(m + 2) * (m >= 0 ? 1.3 : 1)),
                Series.of("payment", "errors", MetricKind.ERRORS, m -> around100(m + 5)),
                Series.of("email", "errors", MetricKind.ERRORS, m -> around100(m + 6))));

        assertTrue(List.of("payment", "email").contains(
                ranker.judge(Series.INCIDENT, series, CallGraph.EMPTY, List.of()).suspicions().get(0).service()));
        ServiceSuspicion first = ranker.judge(Series.INCIDENT, series, graph, List.of()).suspicions().get(0);
        assertEquals("checkout", first.service());
        assertEquals(List.of("email", "payment"), first.silencedCallees());
    }

    @Test
    void threePointsOfHistoryAreEnoughWithPeersToLearnTheNoiseFrom() {
        List<ServiceSuspicion> ranked = rank(CallGraph.EMPTY,
                Series.of("new", "latency", MetricKind.LATENCY, -3, 10, m -> around100(m) * (m >= 0 ? 4 : 1)),
                Series.of("old", "latency", MetricKind.LATENCY, m -> around100(m + 3)),
                Series.of("older", "latency", MetricKind.LATENCY, m -> around100(m + 6)),
                Series.of("oldest", "latency", MetricKind.LATENCY, m -> around100(m + 9)));

        assertEquals("new", ranked.get(0).service());
        assertTrue(ranked.get(0).anomalous());
        assertEquals(3, ranked.get(0).evidence().normalPoints());
    }

    @Test
    void gapsInTheDataDoNotHideADeparture() {
        List<ServiceSuspicion> ranked = rank(CallGraph.EMPTY,
                Series.of("gappy", "errors", MetricKind.ERRORS, m -> m % 3 == 0 ? Double.NaN : around100(m) * (m >= 0 ? 5 : 1)),
                Series.of("steady", "errors", MetricKind.ERRORS, m -> around100(m + 4)));

        assertEquals("gappy", ranked.get(0).service());
        assertTrue(ranked.get(0).anomalous());
    }

    @Test
    void servicesNothingTellsApartShareARank() {
        List<ServiceSuspicion> ranked = rank(CallGraph.EMPTY,
                Series.of("a", "cpu", MetricKind.SATURATION, m -> 50),
                Series.of("b", "cpu", MetricKind.SATURATION, m -> 80),
                Series.of("c", "cpu", MetricKind.SATURATION, m -> around100(m) * (m >= 0 ? 3 : 1)));

        assertEquals("c", ranked.get(0).service());
        assertEquals(List.of(1, 2, 2), ranked.stream().map(ServiceSuspicion::rank).toList());
    }

    @Test
    void sharedSeriesAndHostMetricsAreNoServicesOwnEvidence() {
        List<ServiceSuspicion> ranked = rank(CallGraph.EMPTY,
                Series.of("a", "node_cpu", MetricKind.HOST, m -> around100(m) * (m >= 0 ? 5 : 1)),
                Series.of("a", "latency", MetricKind.LATENCY, m -> around100(m + 1)),
                Series.of("b", "disk", MetricKind.SATURATION, m -> around100(m) * (m >= 0 ? 5 : 1)),
                Series.of("c", "disk", MetricKind.SATURATION, m -> around100(m) * (m >= 0 ? 5 : 1)),
                Series.of("d", "disk", MetricKind.SATURATION, m -> around100(m + 2) * (m >= 0 ? 1.5 : 1)));

        Map<String, ServiceSuspicion> byService = byService(ranked);
        assertFalse(byService.get("a").anomalous(), "a host metric is the machine's");
        assertFalse(byService.containsKey("b") || byService.containsKey("c"), "b and c share one series");
        assertEquals("d", ranked.get(0).service());
    }

    @Test
    void aChangeShortlyBeforeTheOnsetMakesAServiceMoreSuspect() {
        List<MetricSeries> twins = with(calm("latency", MetricKind.LATENCY, 3),
                Series.of("a", "latency", MetricKind.LATENCY, m -> around100(m) + (m >= 0 ? 50 : 0)),
                Series.of("b", "latency", MetricKind.LATENCY, m -> around100(m + 1) + (m >= 0 ? 50 : 0)));
        String unchangedFirst = ranker.rank(Series.INCIDENT, twins, List.of()).get(0).service();
        String other = unchangedFirst.equals("a") ? "b" : "a";
        ServiceChange deploy = new ServiceChange(other, at(-2), other + " v42");

        ServiceSuspicion first = ranker.rank(Series.INCIDENT, twins, List.of(deploy)).get(0);
        assertEquals(other, first.service());
        assertEquals(deploy, first.change());
        assertEquals(unchangedFirst, ranker.rank(Series.INCIDENT, twins,
                List.of(new ServiceChange(other, at(-80), "old"))).get(0).service(), "a change long before is no evidence");
    }

    @Test
    void aDepartureThatBeganBeforeTheAlertIsDatedToItsChangePoint() {
        ServiceSuspicion early = rank(CallGraph.EMPTY,
                Series.of("early", "latency", MetricKind.LATENCY, m -> around100(m) * (m >= -6 ? 3 : 1)),
                Series.of("calm", "latency", MetricKind.LATENCY, m -> around100(m + 5))).get(0);

        assertEquals(at(-6), early.onset());
        assertEquals(100, early.evidence().normal(), 5, "the baseline holds none of the departure");
    }

    @Test
    void manySeriesOfOneMetricBuyAServiceNoBetterChance() {
        Random random = new Random(7);
        int wideFirst = 0;
        int trials = 200;
        for (int trial = 0; trial < trials; trial++) {
            List<MetricSeries> series = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                series.add(noise("wide", "latency", random));
            }
            series.add(noise("narrow", "latency", random));
            series.add(noise("other", "latency", random));
            if (ranker.rank(Series.INCIDENT, series, List.of()).get(0).service().equals("wide")) {
                wideFirst++;
            }
        }
        // The best of 20 noise series departs ~1.9 σ where one departs ~0: uncorrected, "wide" would lead nearly always.
        assertTrue(wideFirst < trials * 0.6, "wide first in " + wideFirst + " of " + trials);
    }

    @Test
    void withoutSeriesOrHistoryThereIsNothingToRank() {
        assertTrue(rank(CallGraph.EMPTY).isEmpty());
        List<ServiceSuspicion> unjudged = rank(CallGraph.EMPTY,
                Series.of("brand-new", "latency", MetricKind.LATENCY, 0, 10, m -> 500));
        assertTrue(unjudged.isEmpty(), unjudged.toString());
        assertNull(ranker.judge(Series.INCIDENT, List.of(Series.of("x", "latency", MetricKind.LATENCY, 0, 10, m -> 5)),
                CallGraph.EMPTY, List.of()).summaries().get(0).normal());
    }

    /** Services whose metrics stay normal: the peers a departure is compared with. */
    private static List<MetricSeries> calm(String metric, MetricKind kind, int count) {
        List<MetricSeries> calm = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int phase = 11 * (i + 1);
            calm.add(Series.of("calm-" + i, metric, kind, m -> around100(m + phase)));
        }
        return calm;
    }

    private List<ServiceSuspicion> rank(CallGraph graph, List<MetricSeries> series) {
        return ranker.judge(Series.INCIDENT, series, graph, List.of()).suspicions();
    }

    private static List<MetricSeries> with(List<MetricSeries> peers, MetricSeries... series) {
        List<MetricSeries> all = new ArrayList<>(List.of(series));
        all.addAll(peers);
        return all;
    }

    private List<ServiceSuspicion> rank(CallGraph graph, MetricSeries... series) {
        return ranker.judge(Series.INCIDENT, List.of(series), graph, List.of()).suspicions();
    }

    private static MetricSeries noise(String service, String metric, Random random) {
        double[] values = new double[110];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 * Math.exp(0.05 * random.nextGaussian());
        }
        return Series.of(service, metric, MetricKind.LATENCY, m -> values[m + 90]);
    }

    private static Map<String, ServiceSuspicion> byService(List<ServiceSuspicion> ranked) {
        return ranked.stream().collect(Collectors.toMap(ServiceSuspicion::service, suspicion -> suspicion));
    }
}
