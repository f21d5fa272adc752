package no.partnerskap.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * A small blocking HTTP/1.1 client to 127.0.0.1: JSON in, status, ETag and JSON out, over a pool of
 * kept-alive connections, one per calling thread at a time.
 *
 * <p>The load generator shares the cores with what it measures, so what it spends per request is
 * taken from the services. The JDK's {@code HttpClient} hands every request from the calling thread
 * to its selector thread and the answer back (0.20–0.33 ms of CPU per command here, more than a
 * third of what PostgreSQL used); this one writes the request and reads the answer on the caller's
 * own thread.
 */
final class Http {

    record Response(int status, String body, String etag) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text(String field) {
            return json().path(field).asText(null);
        }

        long version() {
            return etag == null ? -1 : Long.parseLong(etag.replace("W/", "").replace("\"", ""));
        }

        Response ok() {
            if (status / 100 != 2) {
                throw new IllegalStateException("HTTP " + status + ": " + body);
            }
            return this;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    /** Tomcat closes a kept-alive connection after a quiet spell; one idle this long is not reused. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(4);
    private static final int TIMEOUT_MILLIS = 60_000;

    private final int port;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    Http(int port) {
        this.port = port;
    }

    String token(String subject, String org, String... roles) {
        Map<String, Object> request = org == null ? Map.of("subject", subject, "roles", List.of(roles))
                : Map.of("subject", subject, "org", org, "roles", List.of(roles));
        return post("/dev/token", null, request).ok().text("access_token");
    }

    Response post(String path, String token, Object body) {
        try {
            String payload = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send("POST", path, token, payload.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    private Response send(String method, String path, String token, byte[] body) {
        byte[] request = request(method, path, token, body);
        Connection connection = reuse();
        try {
            if (connection != null) {
                try {
                    return exchange(connection, request);
                } catch (StaleConnection e) {
                    // the server had closed it before reading the request: send it on a new one
                }
            }
            return exchange(new Connection(port), request);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        }
    }

    private byte[] request(String method, String path, String token, byte[] body) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return headBytes;
        }
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    private Connection reuse() {
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            if (System.nanoTime() - c.idleSince < IDLE_NANOS) {
                return c;
            }
            c.close();
        }
        return null;
    }

    /** Sends one request and reads its whole answer; the connection goes back to the pool if still open. */
    private Response exchange(Connection connection, byte[] request) throws IOException {
        boolean answered = false;
        try {
            connection.out.write(request);
            connection.out.flush();
            String statusLine = connection.line();
            if (statusLine == null) {
                throw new EOFException("connection closed by the server before it answered");
            }
            answered = true;
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String etag = null;
            for (String line; !(line = connection.line()).isEmpty(); ) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    case "etag" -> etag = value;
                    default -> { }
                }
            }
            byte[] body;
            if (status / 100 == 1 || status == 204 || status == 304) {
                body = new byte[0];
            } else if (chunked) {
                body = connection.chunked();
            } else if (length >= 0) {
                body = connection.exactly((int) length);
            } else {
                body = connection.in.readAllBytes(); // delimited by the server closing the connection
                close = true;
            }
            if (close) {
                connection.close();
            } else {
                connection.idleSince = System.nanoTime();
                idle.offerFirst(connection);
            }
            return new Response(status, new String(body, StandardCharsets.UTF_8), etag);
        } catch (IOException | RuntimeException e) {
            connection.close();
            if (!answered) {
                throw new StaleConnection(e); // sent again by the caller only if the connection was a kept one
            }
            throw e;
        }
    }

    /** The connection failed before any byte of an answer: on a kept one, the server had closed it. */
    private static final class StaleConnection extends IOException {
        StaleConnection(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private long idleSince;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        /** A header line without its CRLF; null if the connection ended before any byte of it. */
        String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    if (line.isEmpty()) {
                        return null;
                    }
                    throw new EOFException("connection closed inside a header line");
                }
                line.append((char) b);
            }
            int end = line.length();
            return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
        }

        byte[] exactly(int length) throws IOException {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException("connection closed after " + bytes.length + " of " + length + " bytes");
            }
            return bytes;
        }

        byte[] chunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = required(line());
                int semicolon = size.indexOf(';');
                int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (length == 0) {
                    while (!required(line()).isEmpty()) {
                        // trailers: none used
                    }
                    return body.toByteArray();
                }
                body.write(exactly(length));
                required(line()); // the CRLF after the chunk
            }
        }

        private static String required(String line) throws EOFException {
            if (line == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            return line;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
