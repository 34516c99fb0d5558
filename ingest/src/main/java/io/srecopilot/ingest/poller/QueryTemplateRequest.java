package io.srecopilot.ingest.poller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A query template as admins write it; {@code detection} needs a threshold, an anomaly rule, or
 * both. Defaults: service label {@code service}, severity {@code medium}; anomaly over a 1-hour
 * baseline, |z| ≥ 3.5 for 3 points. {@code kind} says what it measures, for root-cause analysis:
 * saturation, latency, errors, traffic, success (ratios and availability), host (a machine's, shared
 * by its pods) or other; left out, analyses read it off the name. {@code callerLabel}, for series
 * of calls between services (a service graph), names the label of the calling service: the service
 * label then names the one called, and each series says that the one calls the other.
 */
public record QueryTemplateRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 4_096) String query,
        @Size(max = 100) @Pattern(regexp = LABEL, message = "must be a Prometheus label name") String serviceLabel,
        @Size(max = 100) @Pattern(regexp = LABEL, message = "must be a Prometheus label name") String callerLabel,
        @Pattern(regexp = "saturation|latency|errors|traffic|success|host|other",
                message = "must be saturation, latency, errors, traffic, success, host or other") String kind,
        @Size(max = 32) String unit,
        @Pattern(regexp = "critical|high|medium|low|info") String severity,
        @NotNull @Min(15) @Max(86_400) Integer intervalSeconds,
        @NotNull @Valid DetectionRequest detection,
        Boolean enabled) {

    static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*";

    public record DetectionRequest(@Valid ThresholdRequest threshold, @Valid AnomalyRequest anomaly) {
    }

    public record ThresholdRequest(
            @NotNull @Pattern(regexp = ">|>=|<|<=", message = "must be >, >=, < or <=") String operator,
            @NotNull Double value,
            @Min(0) @Max(86_400) Integer forSeconds) {
    }

    public record AnomalyRequest(
            @Min(300) @Max(2_592_000) Integer baselineSeconds,
            @DecimalMin(value = "1.0") Double zThreshold,
            @Min(1) @Max(100) Integer consecutivePoints) {
    }
}
