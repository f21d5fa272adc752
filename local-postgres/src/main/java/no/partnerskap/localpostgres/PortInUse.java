package no.partnerskap.localpostgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Another program listens on a port this instance needs on 127.0.0.1: it does not start, rather than share it. */
public final class PortInUse extends IllegalStateException {

    PortInUse(int port, String option) {
        super("Port " + port + " on 127.0.0.1 is in use by another program, perhaps another instance. Stop it, or "
                + "give this instance another port (" + option + ").");
    }

    /** Checks that nothing listens on the port, named by the option that chose it. */
    public static void requireFree(int port, String option) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException inUse) {
            throw new PortInUse(port, option);
        }
    }
}
