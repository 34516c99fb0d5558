package io.srecopilot.platform.persistence;

import io.vertx.sqlclient.SqlConnectOptions;

/**
 * A statement text the reactive SQL client will keep prepared. The client caches prepared
 * statements only up to {@link SqlConnectOptions#DEFAULT_PREPARED_STATEMENT_CACHE_SQL_LIMIT}
 * characters (Quarkus exposes no setting for it); a longer text is parsed and planned by
 * PostgreSQL on every execution, which on a hot write path cost a third of the database's CPU.
 * The layout whitespace is folded so statements stay readable in the source, and a statement that
 * is still too long fails when its class loads rather than silently running uncached. Folding
 * would end a {@code --} comment only at the end of the statement, so comments go in Java; string
 * literals must not rely on runs of whitespace.
 */
public final class CacheableSql {

    static final int LIMIT = SqlConnectOptions.DEFAULT_PREPARED_STATEMENT_CACHE_SQL_LIMIT;

    private CacheableSql() {
    }

    public static String of(String sql) {
        if (sql.contains("--")) {
            throw new IllegalArgumentException("A SQL comment would swallow the rest of the folded statement: "
                    + sql.strip().lines().findFirst().orElse(""));
        }
        String folded = sql.strip().replaceAll("\\s+", " ");
        if (folded.length() > LIMIT) {
            throw new IllegalArgumentException("A statement of " + folded.length()
                    + " characters would not be cached as prepared (limit " + LIMIT + "): " + folded.substring(0, 80));
        }
        return folded;
    }
}
