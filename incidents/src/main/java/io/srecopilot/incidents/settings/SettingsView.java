package io.srecopilot.incidents.settings;

import java.time.Instant;

/** The project's incident settings; {@code updatedAt} is null while they are the defaults. */
public record SettingsView(int correlationWindowSeconds, boolean autoResolve, Instant updatedAt) {

    static SettingsView of(ProjectSettings settings) {
        return new SettingsView(settings.correlationWindowSeconds, settings.autoResolve, settings.updatedAt);
    }
}
