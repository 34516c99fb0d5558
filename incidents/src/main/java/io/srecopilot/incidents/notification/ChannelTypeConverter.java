package io.srecopilot.incidents.notification;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores channel types as their lower-case names. */
@Converter(autoApply = true)
public class ChannelTypeConverter implements AttributeConverter<ChannelType, String> {

    @Override
    public String convertToDatabaseColumn(ChannelType type) {
        return type == null ? null : type.value();
    }

    @Override
    public ChannelType convertToEntityAttribute(String column) {
        return column == null ? null : ChannelType.of(column);
    }
}
