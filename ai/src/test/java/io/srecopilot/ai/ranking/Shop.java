package io.srecopilot.ai.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The services of one synthetic case: their normal behaviour, and what faults and decoys do to it. */
final class Shop {

    private Shop() {
    }

    static Map<String, Service> of(List<String> names, Random random, int minutes, long start) {
        Map<String, Service> services = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            services.put(names.get(i), new Service(names.get(i), random, minutes, start, i % 5 == 4));
        }
        return services;
    }

    /** One service: its levels and noise, and factors on each metric minute by minute. */
    static final class Service {

        private static final int CPU = 0, MEMORY = 1, LATENCY = 2, REQUESTS = 3;
        private static final String[] NAMES = { "cpu", "memory", "latency", "requests" };
        private static final MetricKind[] KINDS = { MetricKind.SATURATION, MetricKind.SATURATION, MetricKind.LATENCY,
            MetricKind.TRAFFIC };

        private final String name;
        private final int minutes;
        private final long start;
        private final double[] level;
        private final double noise;
        private final double season;
        private final double spikes;
        private final int endpoints;
        private final boolean bucketed;
        private final double errorLevel;
        private final double[][] factor = new double[4][];
        private final double[] errors;

        Service(String name, Random random, int minutes, long start, boolean noisy) {
            this.name = name;
            this.minutes = minutes;
            this.start = start;
            this.level = new double[] { 0.2 + 0.3 * random.nextDouble(), 40 + 30 * random.nextDouble(),
                20 + 180 * random.nextDouble(), 50 + 450 * random.nextDouble() };
            this.noise = (0.02 + 0.10 * random.nextDouble()) * (noisy ? 2 : 1);
            this.season = 0.15 + 0.35 * random.nextDouble();
            this.spikes = noisy ? 0.04 : 0.01;
            this.endpoints = random.nextDouble() < 0.3 ? 4 + random.nextInt(9) : 1;
            this.bucketed = random.nextDouble() < 0.3;
            this.errorLevel = 0.001 + 0.009 * random.nextDouble();
            for (int k = 0; k < factor.length; k++) {
                factor[k] = new double[minutes];
                Arrays.fill(factor[k], 1);
            }
            this.errors = new double[minutes];
        }

        /** The tail of an earlier fault at the start of the history: slow and busy, getting better. */
        void recovering(Random random) {
            int length = 1 + random.nextInt(4);
            double worst = 2 + 4 * random.nextDouble();
            for (int m = 0; m < length && m < minutes; m++) {
                double left = 1 - m / (double) length;
                factor[LATENCY][m] *= 1 + (worst - 1) * left;
                factor[CPU][m] *= 1 + 0.5 * left;
            }
        }

        void apply(Fault fault) {
            for (int m = 0; m < minutes; m++) {
                factor[CPU][m] *= fault.cpu[m];
                factor[MEMORY][m] *= fault.memory[m];
                factor[LATENCY][m] *= fault.latency[m];
                errors[m] += fault.errors[m];
            }
        }

        /** A caller sees its callee's latency and some of its errors, later and weaker; never its CPU or memory. */
        void inherit(Fault fault, int delay, double attenuation, double errorShare) {
            for (int m = 0; m + delay < minutes; m++) {
                factor[LATENCY][m + delay] *= 1 + attenuation * (fault.latency[m] - 1);
                errors[m + delay] += attenuation * errorShare * fault.errors[m];
            }
        }

        /** A callee of a service that fails before calling loses that caller's share of its traffic. */
        void loseTraffic(Fault fault, double share) {
            for (int m = 0; m < minutes; m++) {
                factor[REQUESTS][m] *= 1 - share * (1 - fault.trafficLeft[m]);
            }
        }

        /** An innocent metric departs for a while, up or down. */
        void decoy(Random random, int from, int length) {
            int metric = random.nextInt(5);
            double size = 1.5 + 3.5 * random.nextDouble();
            boolean up = random.nextBoolean();
            for (int m = from; m < from + length && m < minutes; m++) {
                if (metric == 4) {
                    errors[m] += up ? errorLevel * size * 5 : 0;
                } else {
                    factor[metric][m] *= up ? size : 1 / size;
                }
            }
        }

        List<MetricSeries> series(Random random) {
            List<MetricSeries> series = new ArrayList<>();
            for (int k = 0; k < factor.length; k++) {
                int copies = k == LATENCY || k == REQUESTS ? endpoints : 1;
                for (int copy = 0; copy < copies; copy++) {
                    series.add(new MetricSeries(name, NAMES[k], KINDS[k], points(k, copies, random)));
                }
            }
            series.add(new MetricSeries(name, "error_ratio", MetricKind.ERRORS, errorPoints(random)));
            return series;
        }

        private List<double[]> points(int metric, int copies, Random random) {
            double own = level[metric] / copies * (0.5 + random.nextDouble());
            double spread = noise * (copies > 1 ? 1.5 : 1);
            double timeOfDay = (start % 86_400) / 60.0;
            int gapAt = random.nextDouble() < 0.2 ? random.nextInt(minutes) : -1;
            int gapLength = 3 + random.nextInt(4);
            List<double[]> points = new ArrayList<>();
            for (int m = 0; m < minutes; m++) {
                if (random.nextDouble() < 0.03 || (gapAt >= 0 && m >= gapAt && m < gapAt + gapLength)) {
                    continue;
                }
                double seasonal = metric == MEMORY ? 1 : 1 + season * Math.sin(2 * Math.PI * (timeOfDay + m) / 1440);
                double value = own * seasonal * factor[metric][m] * Math.exp(spread * random.nextGaussian());
                if (random.nextDouble() < spikes) {
                    value *= random.nextBoolean() ? 2 + 2 * random.nextDouble() : 0.3;
                }
                if (metric == LATENCY && bucketed) {
                    value = bucket(value);
                }
                points.add(new double[] { start + 60.0 * m, value });
            }
            return points;
        }

        private List<double[]> errorPoints(Random random) {
            List<double[]> points = new ArrayList<>();
            for (int m = 0; m < minutes; m++) {
                if (random.nextDouble() < 0.03) {
                    continue;
                }
                double value = Math.max(0, errorLevel * (1 + 0.3 * random.nextGaussian()) + errors[m]);
                points.add(new double[] { start + 60.0 * m, Math.min(1, value) });
            }
            return points;
        }

        /** The upper bound of the histogram bucket a latency falls in (Prometheus' default-like buckets, ms). */
        private static double bucket(double milliseconds) {
            double[] bounds = { 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000 };
            for (double bound : bounds) {
                if (milliseconds <= bound) {
                    return bound;
                }
            }
            return Double.POSITIVE_INFINITY == milliseconds ? 10000 : milliseconds;
        }
    }
}
