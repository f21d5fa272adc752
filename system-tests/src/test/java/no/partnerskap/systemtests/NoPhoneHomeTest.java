package no.partnerskap.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.OrganisationNumbers;
import no.partnerskap.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * Nothing leaves the machine: both services start and serve a scenario under strace, which
 * records every connect() their JVMs make; every one must stay on this machine (loopback, or the
 * machine's own address: Tomcat connects to its own socket when it stops).
 */
class NoPhoneHomeTest {

    private static final Pattern IPV4 = Pattern.compile("sin_addr=inet_addr\\(\"([0-9.]+)\"\\)");
    private static final Pattern IPV6 = Pattern.compile("inet_pton\\(AF_INET6, \"([0-9a-fA-F:.]+)\"");

    @Test
    void no_outbound_connection_at_start_up_or_at_runtime() throws Exception {
        boolean strace = Files.isExecutable(Path.of("/usr/bin/strace"));
        assumeTrue(strace || "true".equals(System.getenv("REQUIRE_STRACE")), "strace is not installed");
        assertThat(strace).as("strace is required (REQUIRE_STRACE=true)").isTrue();

        TestPostgres.Database db = TestPostgres.newDatabase();
        Path logs = Files.createDirectories(Path.of("target", "logs"));
        Path commitmentTrace = logs.resolve("connect-commitment.txt");
        Path projectionTrace = logs.resolve("connect-projection.txt");
        Path keys = Files.createTempDirectory("phone-home");
        int commitmentPort = ServiceProcess.freePort();
        ServiceProcess commitments = new ServiceProcess("commitment-privacy", "commitment.jar", commitmentPort,
                List.of("--spring.profiles.active=local", "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + db.commitmentUser(),
                        "--spring.datasource.password=" + db.commitmentPassword(),
                        "--partnerships.dev-issuer.key-file=" + keys.resolve("dev-key.json")))
                .under(List.of("/usr/bin/strace", "-f", "--seccomp-bpf", "-qq", "-e", "trace=connect", "-o", commitmentTrace.toString()));
        ServiceProcess projections = new ServiceProcess("projection-privacy", "projection.jar",
                ServiceProcess.freePort(), List.of("--spring.profiles.active=local",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.projectionUser(),
                "--spring.datasource.password=" + db.projectionPassword(),
                "--partnerships.commitment-service-url=http://127.0.0.1:" + commitmentPort,
                // a slow build machine makes the read below slower, not red
                "--partnerships.read-your-writes.max-wait=30s"))
                .under(List.of("/usr/bin/strace", "-f", "--seccomp-bpf", "-qq", "-e", "trace=connect", "-o", projectionTrace.toString()));
        try (commitments; projections) {
            commitments.start();
            projections.start();
            Api write = Api.onPort(commitmentPort);
            Api read = Api.onPort(projections.port());
            String token = write.token("me", null, "SECRETARIAT");
            String org = write.post("/api/organisations", token, Map.of("name", "O", "organisationNumber",
                    OrganisationNumbers.next(), "sector", "OTHER")).text("id");
            String partnership = write.post("/api/partnerships", token, Map.of("name", "P", "kind", "STRATEGIC",
                    "mandate", "M", "period", Map.of("from", "2026-01-01"), "convenorOrganisationId", org)).text("id");
            assertThat(read.get("/api/partnerships/" + partnership + "?minVersion=1", token).status()).isEqualTo(200);
            assertThat(read.get("/", null).status()).isEqualTo(200);
        }

        // the machine's own addresses count as staying home: Tomcat, stopping, connects to its own
        // listening socket to wake its acceptor thread
        java.util.Set<java.net.InetAddress> own = ownAddresses();
        List<String> home = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (Path trace : List.of(commitmentTrace, projectionTrace)) {
            for (String line : Files.readAllLines(trace)) {
                for (Pattern pattern : List.of(IPV4, IPV6)) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        String address = m.group(1);
                        (staysHome(address, own) ? home : elsewhere)
                                .add(address + "  <- " + line.trim());
                    }
                }
            }
        }
        // the database and the token keys are reached over loopback: the trace did see connections
        assertThat(home).isNotEmpty();
        assertThat(elsewhere).as("connections leaving the machine").isEmpty();
        System.out.printf("Privacy: %d connect() calls recorded, all to this machine%n", home.size());
    }

    private static java.util.Set<java.net.InetAddress> ownAddresses() throws java.net.SocketException {
        java.util.Set<java.net.InetAddress> addresses = new java.util.HashSet<>();
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            addresses.addAll(java.util.Collections.list(nic.getInetAddresses()));
        }
        return addresses;
    }

    private static boolean staysHome(String address, java.util.Set<java.net.InetAddress> own) {
        try {
            java.net.InetAddress parsed = java.net.InetAddress.getByName(address);
            return parsed.isLoopbackAddress() || own.stream().anyMatch(a -> java.util.Arrays.equals(
                    a.getAddress(), parsed.getAddress()));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
