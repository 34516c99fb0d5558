package io.srecopilot.ingest.service;

import java.util.UUID;

/** What a notification did: how many alerts were new, changed, or already known. */
public record IngestReceipt(UUID alertGroupId, int received, int stored, int changed, int duplicates,
        String announced) {
}
