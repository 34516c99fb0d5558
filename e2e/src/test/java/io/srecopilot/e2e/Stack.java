package io.srecopilot.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The whole product as a user gets it: started with the README's own launcher (deploy/local/up.sh)
 * from the built jars, on free ports, with a database and a Redis database of its own, so it runs
 * beside a developer's local stack. Started once per suite, stopped (and its database dropped) after.
 */
public final class Stack implements AutoCloseable {

    /** e2e owns this Redis database and empties it before each suite. */
    private static final int REDIS_DATABASE = 9;
    public static final int PARTITIONS = 4;
    public static final int IP_FAILURES_PER_HOUR = 30;
    private static final int POSTGRES_CONNECTIONS = 200;
    private static final List<String> SERVICES = List.of("auth", "incidents", "ai", "ingest", "realtime", "audit");

    private final Path root;
    private final Path runDir;
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private EdgeProxy edgeProxy;

    private Stack(Path root, Path runDir) {
        this.root = root;
        this.runDir = runDir;
    }

    public static Stack start() {
        Path root = Path.of(System.getProperty("sre.root", "..")).toAbsolutePath().normalize();
        Path runDir = Path.of(System.getProperty("sre.stack.dir", "target/stack")).toAbsolutePath();
        Stack stack = new Stack(root, runDir);
        stack.launch();
        return stack;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    public String uiUrl() {
        return url("ui");
    }

    public String websocketUrl() {
        return "ws://127.0.0.1:" + ports.get("realtime") + "/ws";
    }

    public Path logs() {
        return runDir.resolve("logs");
    }

    /** The database the stack's services share, each in its own schema as its own role. */
    public String databaseName() {
        return environment.get("SRE_DB_NAME");
    }

    /** The password of a service's database role ({@code sre_<service>}), as up.sh made it. */
    public String databasePassword(String service) {
        try {
            return Files.readString(runDir.resolve("keys/db-" + service + ".password")).strip();
        } catch (IOException e) {
            throw new IllegalStateException("up.sh made no database role for " + service, e);
        }
    }

    /** The key pair auth signs access tokens with and every service verifies them by (PEM files). */
    public Path signingKeys() {
        return runDir.resolve("keys");
    }

    private void launch() {
        for (String service : SERVICES) {
            ports.put(service, freePort());
        }
        ports.put("ui", freePort());
        String database = "sre_e2e_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + ThreadLocalRandom.current().nextInt(1000, 9999);
        environment.put("SRE_RUN_DIR", runDir.toString());
        environment.put("SRE_DB_NAME", database);
        environment.put("SRE_REDIS_URL", "redis://127.0.0.1:6379/" + REDIS_DATABASE);
        environment.put("SRE_UI_PORT", ports.get("ui").toString());
        // An analysis whose worker was killed is taken over once its lease ran out: 20 s here (2 min by
        // default), longer than any step of the suite's analyses, so AnalysisCrashIT need not wait minutes.
        environment.put("SRE_ANALYSIS_LEASE", "20S");
        // Four stream partitions (16 by default), so a handful of teams' projects covers every one.
        environment.put("SRE_EVENTS_PARTITIONS", Integer.toString(PARTITIONS));
        // Services read the client from X-Forwarded-For only as appended by a proxy on 127.0.0.1
        // (EdgeProxy's nginx); the suite's other clients send none.
        environment.put("SRE_HTTP_TRUSTED_PROXIES", "127.0.0.1");
        // One address's hourly cap on failed sign-ins (300 by default) low enough for a flood to reach.
        environment.put("SRE_AUTH_LOGIN_THROTTLE_MAX_IP_FAILURES_PER_HOUR", Integer.toString(IP_FAILURES_PER_HOUR));
        // The suite signs up hundreds of teams from this machine within minutes, far past the caps on
        // sign-ups (20 an hour per address, 60 a minute in all); auth's SignupThrottleTest tries those.
        environment.put("SRE_AUTH_SIGNUP_THROTTLE_MAX_PER_ADDRESS_PER_HOUR", "1000000");
        environment.put("SRE_AUTH_SIGNUP_THROTTLE_MAX_PER_MINUTE", "1000000");
        SERVICES.forEach(service -> environment.put("SRE_PORT_" + service.toUpperCase(), ports.get(service).toString()));
        run(List.of("redis-cli", "-n", Integer.toString(REDIS_DATABASE), "FLUSHDB"), "flush-redis");
        // Seven instances (five services with a database, two replicas in ReplicasIT) at Quarkus's pool
        // of 20, a listener each, and the suite's own: more than PostgreSQL's default of 100
        // (docs/operations.md gives the budget). A full server refused the replicas' connections.
        run(List.of(root.resolve("e2e/faults/infra.sh").toString(), "postgres-max-connections",
                Integer.toString(POSTGRES_CONNECTIONS)), "postgres-connections");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly));
        run(List.of(root.resolve("deploy/local/up.sh").toString(), "--no-build", "--no-seed", "--no-monitoring",
                "--ui-preview"), "up");
    }

    /** The UI image's nginx in front of this stack, as clients reach a deployment: started once, stopped with the stack. */
    public synchronized EdgeProxy edgeProxy() {
        if (edgeProxy == null) {
            try {
                edgeProxy = EdgeProxy.start(this, root, runDir.resolve("nginx"));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start nginx", e);
            }
        }
        return edgeProxy;
    }

    /** Kills the service at once ({@code kill -9}): no shutdown hook, no draining, as a crash would. */
    public void kill(String service) {
        try {
            String pid = Files.readString(runDir.resolve("pids/" + service + ".pid")).trim();
            run(List.of("kill", "-9", pid), "kill-" + service);
        } catch (IOException e) {
            throw new IllegalStateException("No pid recorded for " + service, e);
        }
    }

    /** Starts one service of the running stack again, as an orchestrator would after a crash. */
    public void restart(String service) {
        run(List.of(root.resolve("deploy/local/up.sh").toString(), "--no-build", "--only=" + service),
                "restart-" + service);
    }

    /**
     * Adds a second replica of each service to the running stack ({@code up.sh --replica}, instance
     * {@code <service>-2}), sharing its consumer group's partitions with the first.
     */
    public void addReplicas(String... services) {
        for (String service : services) {
            int port = freePort();
            ports.put(service + "-2", port);
            environment.put("SRE_PORT_" + service.toUpperCase() + "_2", Integer.toString(port));
        }
        run(List.of(root.resolve("deploy/local/up.sh").toString(), "--no-build", "--replica=" + String.join(",", services)),
                "replicas");
    }

    /** Stops a replica as an orchestrator would scale it down (SIGTERM: it hands its partitions over). */
    public void stopReplica(String instance) {
        try {
            long pid = Long.parseLong(Files.readString(runDir.resolve("pids/" + instance + ".pid")).trim());
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
            Files.deleteIfExists(runDir.resolve("pids/" + instance + ".pid"));
        } catch (IOException e) {
            throw new IllegalStateException("No pid recorded for " + instance, e);
        }
    }

    /** Stops or starts this machine's PostgreSQL or Redis (e2e/faults/infra.sh: postgres-stop, redis-start, …). */
    public void infra(String action) {
        run(List.of(root.resolve("e2e/faults/infra.sh").toString(), action), action);
    }

    /** Whether every service reports itself ready (its own checks: database, Redis, consumers). */
    public boolean allReady() {
        return SERVICES.stream().allMatch(service -> {
            try {
                return io.restassured.RestAssured.given().baseUri(url(service)).when().get("/q/health/ready")
                        .statusCode() == 200;
            } catch (Exception unreachable) { // RestAssured rethrows the ConnectException undeclared
                return false;
            }
        });
    }

    @Override
    public void close() {
        synchronized (this) {
            if (edgeProxy != null) {
                edgeProxy.close();
                edgeProxy = null;
            }
        }
        environment.put("SRE_DROP_DB", "1");
        run(List.of(root.resolve("deploy/local/down.sh").toString()), "down");
    }

    private void stopQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // already stopped
        }
    }

    private void run(List<String> command, String name) {
        try {
            Files.createDirectories(runDir);
            File log = runDir.resolve(name + ".out").toFile();
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log);
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " failed; see " + log + "\n" + Files.readString(log.toPath()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
