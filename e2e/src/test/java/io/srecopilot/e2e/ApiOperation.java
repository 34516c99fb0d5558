package io.srecopilot.e2e;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation a service's OpenAPI document describes: where it is, the lowest role that may call
 * it ({@code null} when anyone may, {@code service} when only other services may) and the media type
 * of its body ({@code null} when it takes none).
 */
public record ApiOperation(String service, String method, String path, String role, String bodyType) {

    /** Users' roles, weakest first; a role may do what every role before it may. */
    public static final List<String> USER_ROLES = List.of("viewer", "engineer", "admin", "owner");

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    public String key() {
        return method + " " + path;
    }

    public boolean secured() {
        return role != null;
    }

    public boolean takesJson() {
        return bodyType != null && bodyType.contains("json");
    }

    public boolean namesResources() {
        return PARAMETER.matcher(path).find();
    }

    /** Whether a user with the role passes the operation's role check (never for service-only ones). */
    public boolean allows(String userRole) {
        int needed = USER_ROLES.indexOf(role);
        return needed >= 0 && USER_ROLES.indexOf(userRole) >= needed;
    }

    /**
     * The path with each parameter replaced by the id the resolver gives for the collection it
     * follows ("/incidents/{id}" asks for "incidents").
     */
    public String pathWith(java.util.function.Function<String, String> idOfCollection) {
        Matcher matcher = PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String before = path.substring(0, matcher.start() - 1);
            String collection = before.substring(before.lastIndexOf('/') + 1);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(idOfCollection.apply(collection)));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    @Override
    public String toString() {
        return service + " " + key();
    }
}
