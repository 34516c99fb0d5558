package io.srecopilot.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Arrays;

/** Statement arguments of the write path: positional tuples with nulls, and JSON documents as text. */
final class SqlArguments {

    private SqlArguments() {
    }

    static Tuple tuple(Object... values) {
        return Tuple.from(Arrays.asList(values));
    }

    static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Signals cannot be written as JSON", e);
        }
    }
}
