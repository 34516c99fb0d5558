package io.srecopilot.ai.policy;

import java.util.List;

/** A policy's actions, stored as one JSON object (JSON columns hold objects, see V1). */
public record PolicyActions(List<PolicyAction> items) {
}
