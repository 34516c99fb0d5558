package io.srecopilot.ai.ranking;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * RCAEval's measures of a ranking method over cases: AC@k, the share of cases whose root cause is
 * among the first k services named, and Avg@5, the mean of AC@1 to AC@5.
 */
record RankingAccuracy(String method, int cases, double[] acAt) {

    static RankingAccuracy of(String method, List<FaultCase> cases, Function<FaultCase, List<String>> ranking) {
        double[] hits = new double[5];
        for (FaultCase fault : cases) {
            int position = ranking.apply(fault).indexOf(fault.rootCause());
            for (int k = 0; k < 5; k++) {
                if (position >= 0 && position <= k) {
                    hits[k]++;
                }
            }
        }
        for (int k = 0; k < 5; k++) {
            hits[k] /= cases.size();
        }
        return new RankingAccuracy(method, cases.size(), hits);
    }

    double acAt(int k) {
        return acAt[k - 1];
    }

    double avgAt5() {
        double sum = 0;
        for (double value : acAt) {
            sum += value;
        }
        return sum / acAt.length;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-13s AC@1 %.3f  AC@3 %.3f  Avg@5 %.3f  (%d cases)", method, acAt(1), acAt(3),
                avgAt5(), cases);
    }
}
