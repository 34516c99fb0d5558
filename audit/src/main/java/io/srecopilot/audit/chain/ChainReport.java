package io.srecopilot.audit.chain;

import java.time.Instant;

/**
 * The outcome of checking a tenant's chain: how many records were checked (from the record after
 * the checkpoint, {@code fromSeq}, to the head), and the first break, if any: the record where the
 * chain stops holding and why (missing, altered, or out of order).
 */
public record ChainReport(boolean verified, long recordsChecked, long fromSeq, long headSeq, Break firstBreak,
        Instant checkedAt) {

    public record Break(long seq, String recordId, String reason) {
    }
}
