package no.partnerskap.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's flow against the real local default: embedded PostgreSQL with durable settings,
 * both services in local mode, a dev token, a write on one service read back from the other,
 * then a restart on the same data folder.
 */
class AllInOneTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_partnership_written_to_commitment_service_is_read_from_projection_service_and_survives_a_restart()
            throws Exception {
        Path dataDir = Files.createTempDirectory("all-in-one-test");
        AllInOne.Options options = new AllInOne.Options(dataDir, freePort(), freePort(), freePort());
        String commitments = "http://127.0.0.1:" + options.commitmentPort();
        String projections = "http://127.0.0.1:" + options.projectionPort();
        String partnershipId;

        try (AllInOne system = AllInOne.start(options)) {
            JsonNode token = post(commitments + "/dev/token", null,
                    "{\"subject\":\"me@example.no\",\"roles\":[\"SECRETARIAT\"]}").body();
            String bearer = token.get("access_token").asText();
            assertThat(token.get("token_type").asText()).isEqualTo("Bearer");

            Reply organisation = post(commitments + "/api/organisations", bearer,
                    "{\"name\":\"Vestland fylkeskommune\",\"organisationNumber\":\"821311632\",\"sector\":\"PUBLIC_COUNTY\"}");
            assertThat(organisation.status()).isEqualTo(201);
            Reply partnership = post(commitments + "/api/partnerships", bearer, """
                    {"name":"Grønn industri Vestland","kind":"STRATEGIC","mandate":"Samordne grønn omstilling",
                     "purpose":"Flere grønne arbeidsplasser","period":{"from":"2026-01-01","to":"2029-12-31"},
                     "convenorOrganisationId":"%s"}""".formatted(organisation.body().get("id").asText()));
            assertThat(partnership.status()).isEqualTo(201);
            partnershipId = partnership.body().get("id").asText();

            // the read side catches up on its own: poll until it shows the partnership
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Reply read = get(projections + "/api/partnerships/" + partnershipId, bearer);
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.body().get("name").asText()).isEqualTo("Grønn industri Vestland");
                assertThat(read.body().get("members").get(0).get("name").asText())
                        .isEqualTo("Vestland fylkeskommune");
            });

            // the user's data is kept durably, unlike the embedded server's test defaults
            try (var c = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + options.dbPort() + "/partnerships", "postgres", "");
                 var s = c.createStatement()) {
                for (String setting : new String[] {"fsync", "synchronous_commit"}) {
                    var r = s.executeQuery("show " + setting);
                    r.next();
                    assertThat(r.getString(1)).as(setting).isEqualTo("on");
                }
                var r = s.executeQuery("show listen_addresses");
                r.next();
                assertThat(r.getString(1)).isEqualTo("127.0.0.1");
            }
            for (String service : new String[] {commitments, projections}) {
                assertThat(get(service + "/actuator/health", null).body().get("status").asText()).isEqualTo("UP");
            }
            // a full disk under the database turns health DOWN: it watches the data folder's disk
            for (var service : system.services()) {
                var disk = (org.springframework.boot.actuate.health.HealthIndicator) service
                        .getBean(org.springframework.boot.actuate.health.HealthContributorRegistry.class)
                        .getContributor("diskSpace");
                assertThat(disk.health().getDetails().get("path"))
                        .hasToString(dataDir.toAbsolutePath().normalize().toString());
            }
            // local mode issues a token to whoever asks, so only this machine may ask: no other address answers
            for (InetAddress address : networkAddresses()) {
                for (int port : new int[] {options.commitmentPort(), options.projectionPort()}) {
                    assertThatThrownBy(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(address, port), 2_000);
                        }
                    }).as(address + ":" + port).isInstanceOf(ConnectException.class);
                }
            }
            // the command bus is monitored; the lookups processor inside each command is not, per event
            assertThat(getText(commitments + "/actuator/prometheus"))
                    .contains("commandBus_allTimer_seconds_count{payloadType=\"EstablishPartnership\"} 1")
                    .doesNotContain("eventProcessor_");
            // the partnership and its convenor's admission, counted by the processor that handled them
            assertThat(getText(projections + "/actuator/prometheus")).containsPattern(
                    "partnerships_projection_events_total\\{[^}]*outcome=\"handled\",processor=\"partnership-follow-up\""
                            + "[^}]*\\} [1-9]");
        }

        try (AllInOne restarted = AllInOne.start(options)) {
            String bearer = post(commitments + "/dev/token", null,
                    "{\"subject\":\"me@example.no\",\"roles\":[\"VIEWER\"]}").body().get("access_token").asText();
            Reply read = get(projections + "/api/partnerships/" + partnershipId, bearer);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().get("name").asText()).isEqualTo("Grønn industri Vestland");
            assertThat(dataDir.resolve("checkpoint-signing-key.pem")).exists();
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    record Reply(int status, JsonNode body) {
    }

    private Reply post(String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, token);
    }

    private Reply get(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    private String getText(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private Reply send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isBlank() ? null : json.readTree(response.body()));
    }

    /** This machine's IPv4 addresses other than loopback (none on a machine without a network). */
    private static List<InetAddress> networkAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
