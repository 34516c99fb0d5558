package io.srecopilot.ingest.service;

import java.util.List;
import java.util.UUID;

/**
 * What a request did: how many signals were new, changed, or already known, and for each group
 * it touched, which event it announced. {@code alertGroupId} and {@code announced} repeat the
 * first group's, the only one unless correlation rules split the request.
 */
public record IngestReceipt(UUID alertGroupId, int received, int stored, int changed, int duplicates,
        String announced, List<GroupReceipt> groups) {

    /** One group's share of the request. */
    public record GroupReceipt(UUID alertGroupId, String rule, int received, int stored, int changed, String announced) {

        int duplicates() {
            return received - stored - changed;
        }
    }

    static IngestReceipt of(List<GroupReceipt> groups) {
        GroupReceipt first = groups.get(0);
        return new IngestReceipt(first.alertGroupId(), groups.stream().mapToInt(GroupReceipt::received).sum(),
                groups.stream().mapToInt(GroupReceipt::stored).sum(), groups.stream().mapToInt(GroupReceipt::changed).sum(),
                groups.stream().mapToInt(GroupReceipt::duplicates).sum(), first.announced(), List.copyOf(groups));
    }
}
