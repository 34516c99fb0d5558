package io.srecopilot.ai.ranking;

import io.srecopilot.ai.ranking.FaultCase.FaultKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic fault-injection cases for root-cause ranking, made to be hard in the ways real data is
 * rather than in the ways the ranker expects: the fifteen services of {@link ShopGraph}, five metrics
 * each at one point a minute, and per case
 * <ul>
 * <li>history before the fault of 2 to 75 minutes, a third of the time still showing the recovery
 * from an earlier fault on some service;</li>
 * <li>noisy services, services with 4 to 12 series of a metric (one per endpoint), latency read off
 * sparse histograms (values jump between bucket bounds), missing points and gaps of minutes;</li>
 * <li>one fault of six kinds — CPU, memory, latency (network delay), errors, early return (a
 * service failing before it calls its callees, whose traffic falls) and bad deploy — that ramps up
 * over one to three minutes, reaches callers 0 to 1 minute later per hop and weaker, with the CPU
 * fault's latency reaching every caller; the alert fires 0 to 4 minutes after the fault;</li>
 * <li>decoys: one to three innocent series that depart for 1 to 12 minutes, either way, anywhere from
 * 15 minutes before the alert to 5 after, and unrelated deploys.</li>
 * </ul>
 * Same seed, same cases. The generator's parameters were set to what the public cases show
 * (docs/benchmarks.md) before the ranker ran on it, and were not changed to suit the ranker.
 */
final class FaultInjectionSuite {

    private static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final int[] HISTORY_MINUTES = { 2, 3, 5, 8, 15, 30, 60, 75 };
    private static final int[] DECOY_MINUTES = { 1, 2, 3, 5, 8, 12 };
    private static final int MINUTES_AFTER_ALERT = 10;

    private final Random random;

    private FaultInjectionSuite(long seed) {
        this.random = new Random(seed);
    }

    static List<FaultCase> generate(long seed, int count) {
        FaultInjectionSuite suite = new FaultInjectionSuite(seed);
        List<FaultCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(suite.next(FaultKind.values()[i % FaultKind.values().length]));
        }
        return cases;
    }

    private FaultCase next(FaultKind kind) {
        List<String> services = ShopGraph.services();
        String root = services.get(random.nextInt(services.size()));
        int faultAt = HISTORY_MINUTES[random.nextInt(HISTORY_MINUTES.length)];
        int incidentAt = faultAt + random.nextInt(5);
        int minutes = incidentAt + MINUTES_AFTER_ALERT;
        long start = DAY.getEpochSecond() + 60L * random.nextInt(1440);
        Map<String, Shop.Service> shop = Shop.of(services, random, minutes, start);
        if (random.nextDouble() < 1 / 3.0) {
            shop.get(otherThan(services, root)).recovering(random);
        }
        List<ServiceChange> changes = new ArrayList<>();
        Fault fault = Fault.of(kind, random, faultAt, minutes);
        shop.get(root).apply(fault);
        for (Map.Entry<String, Integer> dependant : ShopGraph.dependants(root).entrySet()) {
            int hop = dependant.getValue();
            shop.get(dependant.getKey()).inherit(fault, random.nextInt(hop + 1), Math.pow(uniform(0.5, 0.9), hop),
                    uniform(0.4, 0.9));
        }
        if (kind == FaultKind.EARLY_RETURN) {
            for (String callee : ShopGraph.calleesOf(root)) {
                int callers = (int) services.stream().filter(s -> ShopGraph.calleesOf(s).contains(callee)).count();
                shop.get(callee).loseTraffic(fault, 1.0 / callers);
            }
        }
        if (kind == FaultKind.BAD_DEPLOY) {
            changes.add(new ServiceChange(root, at(start, faultAt - random.nextInt(3)), root + " v2"));
        }
        if (random.nextDouble() < 0.35) {
            String other = otherThan(services, root);
            changes.add(new ServiceChange(other, at(start, faultAt - 50 + random.nextInt(53)), other + " routine deploy"));
        }
        int decoys = 1 + random.nextInt(3);
        for (int d = 0; d < decoys; d++) {
            int length = DECOY_MINUTES[random.nextInt(DECOY_MINUTES.length)];
            int from = Math.max(0, incidentAt - 15 + random.nextInt(21));
            shop.get(otherThan(services, root)).decoy(random, from, length);
        }
        List<MetricSeries> series = new ArrayList<>();
        shop.values().forEach(service -> series.addAll(service.series(random)));
        return new FaultCase(root, kind, at(start, incidentAt), services, series, changes, ShopGraph.graph());
    }

    private String otherThan(List<String> services, String root) {
        String other;
        do {
            other = services.get(random.nextInt(services.size()));
        } while (other.equals(root));
        return other;
    }

    static Instant at(long start, int minute) {
        return Instant.ofEpochSecond(start + 60L * minute);
    }

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
