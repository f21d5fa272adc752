package no.partnerskap.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 exchange written byte for byte, for what a client library refuses to send: a foreign {@code Host},
 * an address that is no valid URI, headers with characters the library rejects.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends the request line and headers as given (each ending in CRLF; {@code Connection: close} is added), then the
     * body, and answers the whole response as UTF-8 text: status line, headers and body.
     */
    public static String exchange(int port, String requestLineAndHeaders, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLineAndHeaders + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of the path exactly as written. */
    public static String get(int port, String path) {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n", new byte[0]);
    }
}
