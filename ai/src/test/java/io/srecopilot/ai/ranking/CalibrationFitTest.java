package io.srecopilot.ai.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.srecopilot.ai.context.OperationalContext;
import io.srecopilot.ai.reasoning.ConfidenceCalibration;
import io.srecopilot.ai.reasoning.DeterministicReasoner;
import io.srecopilot.ai.reasoning.IncidentFacts;
import io.srecopilot.ai.reasoning.Reasoning;
import io.srecopilot.ai.reasoning.SignalFact;
import io.srecopilot.platform.domain.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Where {@link ConfidenceCalibration}'s prior comes from: the reasoner's hypotheses on the
 * synthetic suite (each case with one critical alert on the shop's entry service, as the public
 * cases have on theirs), a logistic curve fitted to whether each was right by maximum likelihood
 * (Newton's method). Fails when the constants in the code are not what the fit gives; prints the
 * fit and the expected calibration error it leaves on these cases.
 */
class CalibrationFitTest {

    static final long SEED = 20261201L;
    private static final int CASES = 300;

    @Test
    void theCalibrationIsTheLogisticFitOnTheSyntheticSuite() {
        List<double[]> samples = samples();
        double[] fit = logisticFit(samples);
        System.out.printf(Locale.ROOT, "[measure] calibration fit on %d synthetic hypotheses: A %.3f B %.3f; "
                + "ECE before %.3f, after %.3f%n", samples.size(), fit[0], fit[1], ece(samples, x -> x),
                ece(samples, x -> 1 / (1 + Math.exp(-(fit[0] * x + fit[1])))));
        assertEquals(fit[0], ConfidenceCalibration.PRIOR_A, 0.01, "ConfidenceCalibration.PRIOR_A");
        assertEquals(fit[1], ConfidenceCalibration.PRIOR_B, 0.01, "ConfidenceCalibration.PRIOR_B");
    }

    /** {raw confidence, 1 if right} for every hypothesis with a suspect service. */
    static List<double[]> samples() {
        DeterministicReasoner reasoner = new DeterministicReasoner();
        List<double[]> samples = new ArrayList<>();
        for (FaultCase fault : FaultInjectionSuite.generate(SEED, CASES)) {
            SignalFact alert = new SignalFact(UUID.randomUUID(), "EntryDegraded", "frontend", Severity.CRITICAL,
                    "firing", fault.incidentStart(), Map.of("alertname", "EntryDegraded", "service", "frontend"),
                    Map.of("summary", "The shop's entry is degraded"));
            OperationalContext operations = new OperationalContext(fault.incidentStart().minusSeconds(5400),
                    fault.incidentStart().plusSeconds(1800), fault.series(),
                    fault.series().stream().map(MetricSeries::metric).toList(), fault.changes(), List.of(), null,
                    fault.graph(), List.of());
            IncidentFacts facts = new IncidentFacts(UUID.randomUUID(), "The shop's entry is degraded", "frontend",
                    Severity.CRITICAL, fault.incidentStart(), List.of(alert)).with(operations);
            for (Reasoning.RankedHypothesis hypothesis : reasoner.reason(facts).hypotheses()) {
                if (hypothesis.suspectService() != null) {
                    samples.add(new double[] { hypothesis.rawConfidence(),
                        hypothesis.suspectService().equals(fault.rootCause()) ? 1 : 0 });
                }
            }
        }
        return samples;
    }

    static double[] logisticFit(List<double[]> samples) {
        return ConfidenceCalibration.logisticFit(samples, 0, 0);
    }

    /** Expected calibration error over ten bins of the mapped confidence. */
    static double ece(List<double[]> samples, java.util.function.DoubleUnaryOperator map) {
        double[] count = new double[10], confidence = new double[10], right = new double[10];
        for (double[] sample : samples) {
            double p = map.applyAsDouble(sample[0]);
            int bin = Math.min(9, (int) Math.floor(p * 10));
            count[bin]++;
            confidence[bin] += p;
            right[bin] += sample[1];
        }
        double ece = 0;
        for (int bin = 0; bin < 10; bin++) {
            if (count[bin] > 0) {
                ece += count[bin] / samples.size() * Math.abs(right[bin] / count[bin] - confidence[bin] / count[bin]);
            }
        }
        return ece;
    }
}
