package io.srecopilot.ai.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryTest {

    @ParameterizedTest
    @CsvSource({
            "HighErrorRate, ERRORS",
            "HTTP5xxRateHigh, ERRORS",
            "HighRequestLatency, LATENCY",
            "KubePodCrashLooping, AVAILABILITY",
            "TargetDown, AVAILABILITY",
            "NodeFilesystemSpaceFillingUp, SATURATION",
            "OOMKilled, SATURATION",
            "DatabaseConnectionErrors, DEPENDENCY",
            "DeploymentReplicasMismatch, CHANGE",
            "FeatureFlagEvaluationFailed, CONFIG",
            "ConfigReloadFailed, CONFIG",
            "RequestsSurge, TRAFFIC",
            "HighThroughput, TRAFFIC",
            "HighRequestErrorRate, ERRORS",
            "Watchdog, UNKNOWN"
    })
    void readsTheKindOfFailureFromTheAlertName(String alertname, Category expected) {
        assertEquals(expected, Category.of(signal(alertname, Map.of())));
    }

    @ParameterizedTest
    @CsvSource({ "'checkout is returning 500s', ERRORS", "'p99 above 2s', LATENCY" })
    void usesTheSummaryWhenTheNameSaysNothing(String summary, Category expected) {
        assertEquals(expected, Category.of(signal("CheckoutSLO", Map.of("summary", summary))));
    }

    private static SignalFact signal(String alertname, Map<String, String> annotations) {
        return new SignalFact(UUID.randomUUID(), alertname, "checkout", Severity.MEDIUM, "firing", Instant.EPOCH,
                Map.of(), annotations);
    }
}
