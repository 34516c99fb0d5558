package io.srecopilot.platform.security;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores roles as tokens and the API spell them: {@code viewer}, {@code engineer}, {@code admin}, {@code owner}. */
@Converter(autoApply = true)
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.value();
    }

    @Override
    public Role convertToEntityAttribute(String column) {
        return column == null ? null
                : Role.fromValue(column).orElseThrow(() -> new IllegalStateException("Unknown role " + column));
    }
}
