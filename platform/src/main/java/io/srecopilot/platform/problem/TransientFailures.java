package io.srecopilot.platform.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises failures that say "a dependency cannot serve right now" (the database refusing or
 * dropping connections, a pool that cannot hand one out in time) rather than "this request is
 * wrong" or "this code is broken", so they can be answered 503 and retried. The SQL client's
 * classes are matched by name: services without a database (realtime) do not have them.
 */
@RegisterForReflection(classNames = "io.vertx.pgclient.PgException", methods = true, fields = false)
public final class TransientFailures {

    private static final String CLOSED_CONNECTION = "io.vertx.sqlclient.ClosedConnectionException";
    private static final String PG_EXCEPTION = "io.vertx.pgclient.PgException";
    /** SQLSTATEs of a server that is shutting down, starting, or out of connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "53400");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof TimeoutException || cause.getClass().getName().equals(CLOSED_CONNECTION)) {
                return true;
            }
            if (cause.getClass().getName().equals(PG_EXCEPTION) && isUnavailableState(sqlState(cause))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    private static String sqlState(Throwable pgException) {
        try {
            return (String) pgException.getClass().getMethod("getSqlState").invoke(pgException);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
