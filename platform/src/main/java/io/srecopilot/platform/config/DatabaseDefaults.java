package io.srecopilot.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The shared PostgreSQL defaults ({@code sre-database-defaults.properties}), contributed only to
 * services that have the reactive SQL client: realtime owns no schema, and would otherwise warn
 * about every datasource and Flyway key it does not use.
 */
public class DatabaseDefaults implements ConfigSource {

    private static final String RESOURCE = "sre-database-defaults.properties";
    private static final String SQL_CLIENT = "io.vertx.mutiny.sqlclient.Pool";
    /** Same as microprofile-config.properties: below application.properties and the environment. */
    private static final int ORDINAL = 100;

    private final Map<String, String> properties = load();

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String name) {
        return properties.get(name);
    }

    @Override
    public String getName() {
        return "sre-copilot database defaults";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    private static Map<String, String> load() {
        ClassLoader loader = DatabaseDefaults.class.getClassLoader();
        if (!hasSqlClient(loader)) {
            return Map.of();
        }
        Properties defaults = new Properties();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        defaults.stringPropertyNames().forEach(name -> map.put(name, defaults.getProperty(name)));
        return Map.copyOf(map);
    }

    private static boolean hasSqlClient(ClassLoader loader) {
        try {
            Class.forName(SQL_CLIENT, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
