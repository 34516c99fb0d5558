package io.srecopilot.platform.rest;

/** List sizes: every list endpoint accepts {@code ?limit=} up to {@link #MAX}. */
public final class PageLimits {

    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private PageLimits() {
    }
}
