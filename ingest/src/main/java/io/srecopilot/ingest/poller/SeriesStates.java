package io.srecopilot.ingest.poller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The per-series state of templates, read and written in one statement each. */
@ApplicationScoped
public class SeriesStates {

    private static final String LOAD = """
            SELECT series_key, labels, baseline_median, baseline_mad, baseline_points, baseline_at, last_value,
                   last_score, last_at, onset_at, firing_since
              FROM series_state WHERE template_id = $1""";

    private static final String UPSERT = """
            INSERT INTO series_state (template_id, series_key, labels, baseline_median, baseline_mad, baseline_points,
                                      baseline_at, last_value, last_score, last_at, onset_at, firing_since)
            SELECT $1, s.series_key, s.labels, s.baseline_median, s.baseline_mad, s.baseline_points, s.baseline_at,
                   s.last_value, s.last_score, s.last_at, s.onset_at, s.firing_since
              FROM jsonb_to_recordset(CAST(CAST($2 AS text) AS jsonb))
                   AS s(series_key text, labels jsonb, baseline_median double precision, baseline_mad double precision,
                        baseline_points int, baseline_at timestamptz, last_value double precision,
                        last_score double precision, last_at timestamptz, onset_at timestamptz, firing_since timestamptz)
            ON CONFLICT (template_id, series_key) DO UPDATE
               SET labels = EXCLUDED.labels, baseline_median = EXCLUDED.baseline_median,
                   baseline_mad = EXCLUDED.baseline_mad, baseline_points = EXCLUDED.baseline_points,
                   baseline_at = EXCLUDED.baseline_at, last_value = EXCLUDED.last_value,
                   last_score = EXCLUDED.last_score, last_at = EXCLUDED.last_at, onset_at = EXCLUDED.onset_at,
                   firing_since = EXCLUDED.firing_since""";

    private final Pool pool;
    private final ObjectMapper mapper;

    public SeriesStates(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<Map<String, SeriesState>> load(UUID templateId) {
        return pool.preparedQuery(LOAD).execute(Tuple.of(templateId)).map(rows -> {
            Map<String, SeriesState> states = new HashMap<>();
            rows.forEach(row -> states.put(row.getString("series_key"), state(row)));
            return states;
        });
    }

    public Uni<Void> save(UUID templateId, List<SeriesState> states) {
        if (states.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SeriesState state : states) {
            Map<String, Object> row = new HashMap<>();
            row.put("series_key", state.seriesKey());
            row.put("labels", state.labels());
            row.put("baseline_median", state.baseline() == null ? null : state.baseline().median());
            row.put("baseline_mad", state.baseline() == null ? null : state.baseline().mad());
            row.put("baseline_points", state.baseline() == null ? null : state.baseline().points());
            row.put("baseline_at", state.baselineAt());
            row.put("last_value", finite(state.lastValue()));
            row.put("last_score", finite(state.lastScore()));
            row.put("last_at", state.lastAt());
            row.put("onset_at", state.onsetAt());
            row.put("firing_since", state.firingSince());
            rows.add(row);
        }
        try {
            return pool.preparedQuery(UPSERT).execute(Tuple.of(templateId, mapper.writeValueAsString(rows)))
                    .replaceWithVoid();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }

    private static SeriesState state(Row row) {
        Double median = row.getDouble("baseline_median");
        Baseline baseline = median == null ? null
                : new Baseline(median, row.getDouble("baseline_mad"), row.getInteger("baseline_points"));
        return new SeriesState(row.getString("series_key"), strings(row.getJsonObject("labels")), baseline,
                instant(row.getOffsetDateTime("baseline_at")), row.getDouble("last_value"), row.getDouble("last_score"),
                instant(row.getOffsetDateTime("last_at")), instant(row.getOffsetDateTime("onset_at")),
                instant(row.getOffsetDateTime("firing_since")));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static Map<String, String> strings(JsonObject json) {
        Map<String, String> values = new LinkedHashMap<>();
        json.forEach(entry -> values.put(entry.getKey(), String.valueOf(entry.getValue())));
        return values;
    }
}
