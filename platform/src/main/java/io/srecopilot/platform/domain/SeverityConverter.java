package io.srecopilot.platform.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores severities as the API spells them ({@code critical}, {@code high}…), in every service's schema. */
@Converter(autoApply = true)
public class SeverityConverter implements AttributeConverter<Severity, String> {

    @Override
    public String convertToDatabaseColumn(Severity severity) {
        return severity == null ? null : severity.value();
    }

    @Override
    public Severity convertToEntityAttribute(String column) {
        return column == null ? null : Severity.of(column);
    }
}
