package nl.kamerstroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small helpers for TCP ports on the loopback interface. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free on 127.0.0.1 a moment ago (the OS picks it; another process may still take it). */
    public static int freePort() {
        return freeWhereZero(0)[0];
    }

    /** {@code port}, or a free port when it is 0. */
    public static int orFree(int port) {
        return freeWhereZero(port)[0];
    }

    /**
     * {@code ports} with every 0 replaced by a free port, all of them different. Components that start side by side
     * need their ports chosen together: one chosen alone is free only until the next choice, which may pick it again.
     * The sockets that reserve the chosen ports stay open until all are chosen.
     */
    public static int[] freeWhereZero(int... ports) {
        int[] chosen = ports.clone();
        List<ServerSocket> reserved = new ArrayList<>();
        try {
            for (int i = 0; i < chosen.length; i++) {
                while (chosen[i] == 0) {
                    ServerSocket socket = new ServerSocket();
                    reserved.add(socket);
                    socket.setReuseAddress(false);
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
                    int candidate = socket.getLocalPort();
                    // a port given explicitly may be free and unbound, so the OS can hand it out too
                    if (Arrays.stream(ports).noneMatch(p -> p == candidate)) {
                        chosen[i] = candidate;
                    }
                }
            }
            return chosen;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        } finally {
            reserved.forEach(Ports::closeQuietly);
        }
    }

    /**
     * Whether a server could listen on 127.0.0.1:{@code port} now: the question is answered by binding, as the server
     * will, not by connecting (a connection can succeed with nothing listening: Linux connects a socket to itself when
     * the port it picks for the client is the one it connects to).
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as servers do: connections of an earlier server still in TIME_WAIT do not keep a new one out
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            // connected to itself, not to a server (see isFree)
            return socket.getLocalPort() != port;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a clear message when {@code port} is taken. */
    static void requireFree(int port, String what) {
        if (!isFree(port)) {
            throw new IllegalStateException(what + ": port " + port + " on 127.0.0.1 is already in use"
                    + " (another run still going? stop it, or choose another port)");
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // it was only reserving the port
        }
    }
}
