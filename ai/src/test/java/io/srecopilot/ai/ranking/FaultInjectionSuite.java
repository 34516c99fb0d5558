package io.srecopilot.ai.ranking;

import io.srecopilot.ai.ranking.FaultCase.FaultKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic fault-injection cases for root-cause ranking, after RCAEval (WWW 2025): fifteen
 * services of {@link CallGraph} with five metrics each at one point a minute, daily seasonality,
 * per-service noise levels, stray spikes and short bursts that mean nothing, unrelated deploys;
 * one fault per case of kind CPU, memory, latency, error rate or bad deploy, which spreads to the
 * callers of the faulty service smaller and later with every hop. Same seed, same cases.
 */
final class FaultInjectionSuite {

    private static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final String[] METRICS = { "cpu", "memory", "latency_p99", "error_ratio", "requests" };
    private static final int CPU = 0, MEMORY = 1, LATENCY = 2, ERRORS = 3, REQUESTS = 4;
    private static final int MINUTES_OF_HISTORY = 75;

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
        List<String> services = CallGraph.services();
        String root = services.get(random.nextInt(services.size()));
        int faultAt = MINUTES_OF_HISTORY + random.nextInt(6);
        int incidentAt = faultAt + 2 + random.nextInt(4);
        int minutes = incidentAt + 11;
        long start = DAY.getEpochSecond() + 60L * random.nextInt(1440);

        Profile[] profiles = new Profile[services.size()];
        double[][][] values = new double[services.size()][][];
        for (int s = 0; s < services.size(); s++) {
            profiles[s] = Profile.random(random, s % 5 == 4);
            values[s] = normal(profiles[s], minutes, start);
        }
        List<ServiceChange> changes = new ArrayList<>();
        int r = services.indexOf(root);
        double[][] rootEffect = inject(kind, profiles[r], faultAt, minutes);
        if (kind == FaultKind.BAD_DEPLOY) {
            changes.add(new ServiceChange(root, at(start, faultAt - random.nextInt(2)), root + " v2"));
        }
        addOwn(values[r], rootEffect);
        for (Map.Entry<String, Integer> dependant : CallGraph.dependants(root).entrySet()) {
            int hop = dependant.getValue();
            double attenuation = Math.pow(uniform(0.6, 0.9), hop);
            spread(values[services.indexOf(dependant.getKey())], rootEffect, random.nextInt(hop + 1), attenuation,
                    uniform(0.5, 0.9));
        }
        distract(services, root, values, profiles, changes, start, faultAt, incidentAt);
        for (int s = 0; s < services.size(); s++) {
            spike(values[s], profiles[s]);
        }
        return new FaultCase(root, kind, at(start, incidentAt), services, series(services, values, start), changes);
    }

    private double[][] normal(Profile profile, int minutes, long start) {
        double[][] metrics = new double[METRICS.length][minutes];
        double timeOfDay = (start % 86_400) / 60.0;
        for (int m = 0; m < minutes; m++) {
            double season = 1 + profile.seasonAmplitude * Math.sin(2 * Math.PI * (timeOfDay + m) / 1440);
            metrics[CPU][m] = Math.max(0, profile.cpu * season + gaussian(0.01 + profile.noise / 4));
            metrics[MEMORY][m] = profile.memory + gaussian(0.5);
            metrics[LATENCY][m] = profile.latency * (1 + 0.3 * (season - 1)) * (1 + gaussian(profile.noise));
            metrics[ERRORS][m] = Math.max(0, profile.errors * (1 + gaussian(0.3)));
            metrics[REQUESTS][m] = profile.requests * season * (1 + gaussian(profile.noise));
        }
        return metrics;
    }

    /** The fault's own effect on the faulty service, as additions per metric and minute. */
    private double[][] inject(FaultKind kind, Profile profile, int faultAt, int minutes) {
        double[][] effect = new double[METRICS.length][minutes];
        int rampMinutes = 1 + random.nextInt(2);
        double cpu = uniform(0.25, 0.45), leak = uniform(1.0, 2.5), errors = uniform(0.05, 0.3);
        double slower = profile.latency * switch (kind) {
            case CPU -> uniform(0.5, 1.5);
            case MEMORY -> uniform(0.1, 0.3);
            case LATENCY -> uniform(1.0, 3.0);
            case BAD_DEPLOY -> uniform(0.2, 1.0);
            case ERRORS -> 0;
        };
        for (int m = faultAt; m < minutes; m++) {
            double ramp = Math.min(1, (m - faultAt + 1) / (double) rampMinutes);
            switch (kind) {
                case CPU -> {
                    effect[CPU][m] = cpu * ramp;
                    effect[LATENCY][m] = slower * ramp;
                }
                case MEMORY -> {
                    effect[MEMORY][m] = leak * (m - faultAt + 1);
                    effect[LATENCY][m] = m >= faultAt + 5 ? slower : 0;
                }
                case LATENCY -> effect[LATENCY][m] = slower * ramp;
                case ERRORS -> effect[ERRORS][m] = errors * ramp;
                case BAD_DEPLOY -> {
                    effect[ERRORS][m] = 0.6 * errors * ramp;
                    effect[LATENCY][m] = slower * ramp;
                }
            }
        }
        return effect;
    }

    private static void addOwn(double[][] values, double[][] effect) {
        for (int k = 0; k < METRICS.length; k++) {
            for (int m = 0; m < values[k].length; m++) {
                values[k][m] += effect[k][m];
            }
        }
    }

    /** Callers see the callee's extra latency and some of its errors, never its CPU or memory. */
    private static void spread(double[][] values, double[][] effect, int delay, double attenuation,
            double errorShare) {
        for (int m = 0; m + delay < values[0].length; m++) {
            values[LATENCY][m + delay] += attenuation * effect[LATENCY][m];
            values[ERRORS][m + delay] += attenuation * errorShare * effect[ERRORS][m];
        }
    }

    /** What makes real incidents confusing: unrelated deploys and short bursts on innocent services. */
    private void distract(List<String> services, String root, double[][][] values, Profile[] profiles,
            List<ServiceChange> changes, long start, int faultAt, int incidentAt) {
        if (random.nextDouble() < 0.35) {
            String other = otherThan(services, root);
            changes.add(new ServiceChange(other, at(start, faultAt - 50 + random.nextInt(53)), other + " routine deploy"));
        }
        if (random.nextDouble() < 0.3) {
            int s = services.indexOf(otherThan(services, root));
            int burstAt = incidentAt - 12 + random.nextInt(15);
            double factor = uniform(2, 4);
            for (int m = burstAt; m < burstAt + 2 && m < values[s][LATENCY].length; m++) {
                values[s][LATENCY][m] += profiles[s].latency * factor;
            }
        }
    }

    /** Single points far off, more often on the noisy services. */
    private void spike(double[][] values, Profile profile) {
        for (double[] metric : values) {
            for (int m = 0; m < metric.length; m++) {
                if (random.nextDouble() < profile.spikeProbability) {
                    metric[m] *= 1 + (random.nextBoolean() ? 1 : -0.5) * uniform(0.5, 2.0);
                }
            }
        }
    }

    private static List<MetricSeries> series(List<String> services, double[][][] values, long start) {
        List<MetricSeries> series = new ArrayList<>();
        for (int s = 0; s < services.size(); s++) {
            for (int k = 0; k < METRICS.length; k++) {
                List<double[]> points = new ArrayList<>(values[s][k].length);
                for (int m = 0; m < values[s][k].length; m++) {
                    points.add(new double[] { start + 60.0 * m, values[s][k][m] });
                }
                series.add(new MetricSeries(services.get(s), METRICS[k], points));
            }
        }
        return series;
    }

    private String otherThan(List<String> services, String root) {
        String other;
        do {
            other = services.get(random.nextInt(services.size()));
        } while (other.equals(root));
        return other;
    }

    private static Instant at(long start, int minute) {
        return Instant.ofEpochSecond(start + 60L * minute);
    }

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private double gaussian(double sigma) {
        return sigma * random.nextGaussian();
    }

    /** A service's normal: levels, how noisy, how seasonal, how often it spikes. */
    private record Profile(double cpu, double memory, double latency, double errors, double requests, double noise,
            double seasonAmplitude, double spikeProbability) {

        static Profile random(Random random, boolean noisy) {
            double noise = (0.03 + 0.09 * random.nextDouble()) * (noisy ? 2 : 1);
            return new Profile(0.2 + 0.3 * random.nextDouble(), 40 + 30 * random.nextDouble(),
                    20 + 180 * random.nextDouble(), 0.001 + 0.009 * random.nextDouble(),
                    50 + 450 * random.nextDouble(), noise, 0.15 + 0.35 * random.nextDouble(), noisy ? 0.04 : 0.01);
        }
    }
}
