package io.srecopilot.platform.rest;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** The whole of a list bounded by nature (a project's integrations, rules): one page, no cursor. */
    public static <T> Page<T> whole(List<T> items) {
        return new Page<>(items, null);
    }

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in list order: the extra row, when
     * present, only proves there is a next page, which starts after the last row returned.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, Cursor> cursorOf, Function<R, T> toItem) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }
}
