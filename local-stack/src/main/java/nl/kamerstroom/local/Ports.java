package nl.kamerstroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Small helpers for TCP ports on the loopback interface. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free on 127.0.0.1 a moment ago (the OS picks it; another process may still take it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    /** {@code port}, or a free port when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? freePort() : port;
    }

    /** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a clear message when something already listens on {@code port}. */
    static void requireFree(int port, String what) {
        if (isListening(port)) {
            throw new IllegalStateException(what + ": port " + port + " on 127.0.0.1 is already in use"
                    + " (another run still going? stop it, or choose another port)");
        }
    }
}
