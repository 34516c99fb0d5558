package io.srecopilot.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void eachRoleIncludesTheRolesBelowIt() {
        assertEquals(List.of(Role.VIEWER, Role.ENGINEER, Role.ADMIN), Role.ADMIN.withIncluded());
        assertEquals(List.of(Role.VIEWER), Role.VIEWER.withIncluded());
        assertTrue(Role.OWNER.includes(Role.ENGINEER));
        assertFalse(Role.ENGINEER.includes(Role.ADMIN));
    }

    @Test
    void namesMatchTheAnnotationConstants() {
        assertEquals(Roles.VIEWER, Role.VIEWER.value());
        assertEquals(Roles.ENGINEER, Role.ENGINEER.value());
        assertEquals(Roles.ADMIN, Role.ADMIN.value());
        assertEquals(Roles.OWNER, Role.OWNER.value());
        assertEquals(Optional.of(Role.ADMIN), Role.fromValue("admin"));
        assertEquals(Optional.empty(), Role.fromValue("Admin"));
        assertEquals(Optional.empty(), Role.fromValue(null));
    }
}
