package io.srecopilot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The weakest role each operation should need, from {@code api/role-policy.tsv}: rules written from
 * the product's role model, independently of the annotations the services carry.
 */
final class RolePolicy {

    private record Rule(Pattern method, Pattern path, String role) {
    }

    private final List<Rule> rules;

    private RolePolicy(List<Rule> rules) {
        this.rules = rules;
    }

    static RolePolicy load() {
        try (InputStream in = RolePolicy.class.getResourceAsStream("/api/role-policy.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new RolePolicy(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(fields -> new Rule(Pattern.compile(fields[0]), Pattern.compile(fields[1]), fields[2]))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String expectedRole(ApiOperation operation) {
        return rules.stream()
                .filter(rule -> rule.method().matcher(operation.method()).matches()
                        && rule.path().matcher(operation.path()).matches())
                .map(Rule::role).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule for " + operation));
    }

    /** Whether a user with the role should pass the role check ("service" operations admit no user). */
    static boolean admits(String expectedRole, String userRole) {
        int needed = ApiOperation.USER_ROLES.indexOf(expectedRole);
        return needed >= 0 && ApiOperation.USER_ROLES.indexOf(userRole) >= needed;
    }
}
