package io.srecopilot.ai.ranking;

import io.srecopilot.ai.ranking.FaultCase.FaultKind;
import java.util.Arrays;
import java.util.Random;

/**
 * What a fault does to the faulty service, minute by minute: factors on CPU, memory, latency and
 * traffic (1 is normal), errors added to its error ratio, and the share of its callees' traffic that
 * is left (early returns only). It ramps up over one to three minutes from {@code faultAt}.
 */
final class Fault {

    final double[] cpu;
    final double[] memory;
    final double[] latency;
    final double[] errors;
    final double[] trafficLeft;

    private Fault(int minutes) {
        cpu = ones(minutes);
        memory = ones(minutes);
        latency = ones(minutes);
        errors = new double[minutes];
        trafficLeft = ones(minutes);
    }

    static Fault of(FaultKind kind, Random random, int faultAt, int minutes) {
        Fault fault = new Fault(minutes);
        int ramp = 1 + random.nextInt(3);
        double cpu = uniform(random, 1.5, 3);
        double slower = switch (kind) {
            case CPU -> uniform(random, 1.3, 3);
            case MEMORY -> uniform(random, 1.1, 1.5);
            case LATENCY -> uniform(random, 2, 6);
            case ERRORS -> uniform(random, 0.7, 1.0);
            case EARLY_RETURN -> uniform(random, 0.5, 0.9);
            case BAD_DEPLOY -> uniform(random, 1.2, 2);
        };
        double errorRatio = switch (kind) {
            case ERRORS -> uniform(random, 0.02, 0.3);
            case EARLY_RETURN -> uniform(random, 0.05, 0.5);
            case BAD_DEPLOY -> uniform(random, 0.01, 0.1);
            default -> 0;
        };
        double leak = uniform(random, 0.01, 0.03);
        int latencyFrom = kind == FaultKind.MEMORY ? faultAt + 3 + random.nextInt(4) : faultAt;
        double left = uniform(random, 0.05, 0.5);
        for (int m = faultAt; m < minutes; m++) {
            double share = Math.min(1, (m - faultAt + 1) / (double) ramp);
            if (kind == FaultKind.CPU) {
                fault.cpu[m] = 1 + share * (cpu - 1);
            }
            if (kind == FaultKind.LATENCY) {
                fault.cpu[m] = 1 - share * 0.15;
            }
            if (kind == FaultKind.MEMORY) {
                fault.memory[m] = 1 + leak * (m - faultAt + 1);
            }
            if (m >= latencyFrom) {
                fault.latency[m] = 1 + share * (slower - 1);
            }
            fault.errors[m] = share * errorRatio;
            if (kind == FaultKind.EARLY_RETURN) {
                fault.trafficLeft[m] = 1 - share * (1 - left);
            }
        }
        return fault;
    }

    private static double[] ones(int minutes) {
        double[] values = new double[minutes];
        Arrays.fill(values, 1);
        return values;
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
