package no.partnerskap.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One service as its own operating-system process, from its executable jar. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String jar;
    private final List<String> args;
    private final int port;
    private final List<String> prefix = new ArrayList<>();
    private Process process;
    private int starts;

    ServiceProcess(String name, String jarProperty, int port, List<String> args) {
        this.name = name;
        this.jar = System.getProperty(jarProperty);
        this.port = port;
        this.args = args;
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("no executable jar at " + jar + "; build with ./mvnw verify");
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the JVM under another program, e.g. strace. */
    ServiceProcess under(List<String> command) {
        prefix.addAll(command);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Starts the process and waits until its health is UP. */
    ServiceProcess start() {
        List<String> command = new ArrayList<>(prefix);
        // the C1 compiler alone: a service here lives for seconds, and most of them go to its start
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar, "--server.port=" + port));
        command.addAll(args);
        Path log = Path.of("target", "logs", name + "-" + (++starts) + ".log");
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .failFast(() -> !process.isAlive())
                .until(() -> "UP".equals(health()));
        return this;
    }

    /** The health status, or null when the process does not answer. */
    String health() {
        return health("");
    }

    /** The status of a health group ({@code "/readiness"}), or null when the process does not answer. */
    String health(String group) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"
                            + group))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body().contains("\"status\":\"UP\"") ? "UP"
                    : response.body().contains("\"status\":\"DOWN\"") ? "DOWN" : response.body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful anything. */
    void kill() throws InterruptedException {
        // the JVM first: under a wrapper such as strace it is a child of the process we started
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            children.forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
