package io.srecopilot.platform.crypto;

/**
 * A column of a service's own table that holds values sealed by {@link SecretBox}, each bound to
 * the owner {@code <ownerPrefix><id>}; declare one as a bean and {@link SecretRotation} keeps it on
 * the current key.
 */
public record SealedColumn(String table, String idColumn, String column, String ownerPrefix) {

    public SealedColumn {
        for (String name : new String[] {table, idColumn, column}) {
            // Names go into SQL text: only plain identifiers, never anything from a request.
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
            }
        }
    }

    String owner(Object id) {
        return ownerPrefix + id;
    }

    /** Rows whose value is not sealed with the current key, a page at a time. */
    String staleRows() {
        return "SELECT " + idColumn + " AS id, " + column + " AS sealed FROM " + table + " WHERE " + column
                + " IS NOT NULL AND " + column + " NOT LIKE $1 ORDER BY " + idColumn + " LIMIT $2";
    }

    /** Replaces a value only if it is still the one resealed, so a concurrent save wins. */
    String replace() {
        return "UPDATE " + table + " SET " + column + " = $1 WHERE " + idColumn + " = $2 AND " + column + " = $3";
    }

    String countStale() {
        return "SELECT count(*) AS stale FROM " + table + " WHERE " + column + " IS NOT NULL AND " + column
                + " NOT LIKE $1";
    }

    String label() {
        return table + "." + column;
    }
}
