/**
 * The event catalogue: every event type the services put on the stream ({@link EventTypes}) and,
 * for each flow from one service to another, the payload record both sides agree on
 * ({@link EventCatalog}).
 *
 * <p>Version 1 of every payload. How a payload may change:
 * <ul>
 * <li>Adding a field is compatible: consumers ignore fields they do not know and read a field an
 * older producer did not write as null, so producer and consumer can be upgraded in any order.</li>
 * <li>Renaming, removing or retyping a field is not: it takes a new type ({@code incident.created.v2})
 * with its own record, emitted beside the old one for one release, then the old one is retired.</li>
 * </ul>
 * A payload that exists only as an event is the catalogue record on both sides. A payload that is
 * also a REST view (an incident, an analysis) is written as the producer's view, a superset, and the
 * catalogue record names the part consumers may read; each producer's contract test reads what it
 * really published with the record, strictly, so a field the consumer needs cannot silently go.
 */
package io.srecopilot.platform.events.catalog;
