package io.srecopilot.ai.policy;

/**
 * How a policy's shadowed decisions compared with what people did: how many it made, how many
 * people's actions could judge, how many agreed, and the precision (agreed / judged; null before
 * any was judged).
 */
public record ShadowRecord(long decisions, long judged, long agreed, Double precision) {

    static final ShadowRecord NONE = new ShadowRecord(0, 0, 0, null);

    static ShadowRecord of(long decisions, long judged, long agreed) {
        return new ShadowRecord(decisions, judged, agreed,
                judged == 0 ? null : Math.round(agreed * 1000.0 / judged) / 1000.0);
    }
}
