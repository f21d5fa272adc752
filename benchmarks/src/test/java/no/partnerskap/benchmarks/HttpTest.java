package no.partnerskap.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class HttpTest {

    @Test
    void posts_json_with_the_bearer_token_and_reads_status_etag_and_body() throws Exception {
        String answer = "{\"commitmentId\":\"c-1\",\"note\":\"ø\"}";
        try (Server server = new Server(n -> "HTTP/1.1 201 Created\r\nETag: W/\"3\"\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + answer.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + answer, false)) {
            Http.Response response = new Http(server.port()).post("/api/commitments", "abc.def", Map.of("title", "Sykkelveg"));

            assertEquals(201, response.status());
            assertEquals(3, response.version());
            assertEquals("ø", response.text("note"));
            assertEquals(List.of("POST /api/commitments HTTP/1.1|Bearer abc.def|{\"title\":\"Sykkelveg\"}"), server.requests);
        }
    }

    @Test
    void reads_a_chunked_answer_and_sends_the_next_request_on_the_same_connection() throws Exception {
        String big = "x".repeat(40_000);
        try (Server server = new Server(n -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n" + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n", false)) {
            Http http = new Http(server.port());

            assertEquals("hello" + big, http.get("/a", null).ok().body());
            assertEquals("hello" + big, http.get("/b", null).ok().body());
            assertEquals(1, server.connections.get());
            assertEquals(List.of("GET /a HTTP/1.1|null|", "GET /b HTTP/1.1|null|"), server.requests);
        }
    }

    @Test
    void sends_a_request_once_more_on_a_new_connection_when_the_server_had_closed_the_kept_one() throws Exception {
        // answers as if it kept the connection, then closes it: the next request finds it closed
        try (Server server = new Server(n -> "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n" + n, true)) {
            Http http = new Http(server.port());

            assertEquals("1", http.post("/x", null, "{}").body());
            assertEquals("2", http.post("/x", null, "{}").body());
            assertEquals(2, server.connections.get());
            assertEquals(2, server.requests.size(), "each request reached the server once");
        }
    }

    @Test
    void reads_an_answer_delimited_by_the_server_closing_the_connection() throws Exception {
        try (Server server = new Server(n -> "HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\nbroken " + n,
                true)) {
            Http http = new Http(server.port());

            assertEquals(500, http.get("/", null).status());
            assertEquals("broken 2", http.get("/", null).body());
            assertThrows(IllegalStateException.class, () -> http.get("/", null).ok());
        }
    }

    @Test
    void a_connection_cut_inside_the_answer_is_an_error_not_a_short_body() throws Exception {
        try (Server server = new Server(n -> "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this", true)) {
            assertThrows(UncheckedIOException.class, () -> new Http(server.port()).get("/", null));
            assertEquals(1, server.requests.size(), "not sent again once the server had begun to answer");
        }
    }

    /** A raw HTTP/1.1 server: one thread per connection, answers numbered from 1. */
    private static final class Server implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();
        private final IntFunction<String> answer;
        private final boolean closeAfterEach;

        Server(IntFunction<String> answer, boolean closeAfterEach) throws IOException {
            this.answer = answer;
            this.closeAfterEach = closeAfterEach;
            Thread acceptor = new Thread(this::accept, "test-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    Thread serve = new Thread(() -> serve(connection));
                    serve.setDaemon(true);
                    serve.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                InputStream in = new BufferedInputStream(connection.getInputStream());
                while (true) {
                    String requestLine = line(in);
                    if (requestLine == null) {
                        return;
                    }
                    int length = 0;
                    String authorization = null;
                    for (String header; !(header = line(in)).isEmpty(); ) {
                        String name = header.substring(0, header.indexOf(':')).toLowerCase();
                        String value = header.substring(header.indexOf(':') + 1).trim();
                        if (name.equals("content-length")) {
                            length = Integer.parseInt(value);
                        } else if (name.equals("authorization")) {
                            authorization = value;
                        }
                    }
                    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                    requests.add(requestLine + "|" + authorization + "|" + body);
                    connection.getOutputStream().write(
                            answer.apply(answered.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
                    connection.getOutputStream().flush();
                    if (closeAfterEach) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    return null;
                }
                line.append((char) b);
            }
            return line.toString().strip();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
