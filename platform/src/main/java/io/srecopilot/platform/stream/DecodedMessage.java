package io.srecopilot.platform.stream;

import io.quarkus.redis.datasource.stream.StreamMessage;
import io.srecopilot.platform.events.EventEnvelope;

/** A stream message and the event it carries. */
record DecodedMessage(StreamMessage<String, String, String> message, EventEnvelope event) {
}
