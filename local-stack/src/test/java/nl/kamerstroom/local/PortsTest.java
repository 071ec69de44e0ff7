package nl.kamerstroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void zerosBecomeFreePortsDifferentFromEachOtherAndFromThePortsGiven() throws IOException {
        try (ServerSocket taken = listenOnLoopback()) {
            int given = taken.getLocalPort();

            int[] ports = Ports.freeWhereZero(given, 0, 0, 0);

            assertThat(ports[0]).isEqualTo(given);
            assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(4);
            assertThat(Arrays.stream(ports, 1, 4)).allSatisfy(port -> assertThat(Ports.isFree(port)).isTrue());
        }
    }

    @Test
    void aPortIsTakenWhileAServerListensOnItAndFreeAfterwards() throws IOException {
        int port;
        try (ServerSocket server = listenOnLoopback()) {
            port = server.getLocalPort();

            assertThat(Ports.isFree(port)).isFalse();
            assertThat(Ports.isListening(port)).isTrue();
        }

        assertThat(Ports.isFree(port)).isTrue();
        assertThat(Ports.isListening(port)).isFalse();
    }

    @Test
    void aServerOnEveryInterfaceTakesTheLoopbackPortToo() throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(0));

            assertThat(Ports.isFree(server.getLocalPort())).isFalse();
        }
    }

    @Test
    void aPortAnotherSocketHasBoundIsTakenThoughNothingListensThereYet() throws IOException {
        // a server between bind and listen, or a client's local port: a connection is refused, but a bind would fail
        try (Socket bound = new Socket()) {
            bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = bound.getLocalPort();

            assertThat(Ports.isListening(port)).isFalse();
            assertThat(Ports.isFree(port)).isFalse();
        }
    }

    @Test
    void aTakenPortIsRefusedWithTheComponentAndThePortNamed() throws IOException {
        try (ServerSocket server = listenOnLoopback()) {
            int port = server.getLocalPort();

            assertThatThrownBy(() -> Ports.requireFree(port, "Kafka broker"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Kafka broker: port " + port + " on 127.0.0.1 is already in use");
        }
    }

    private static ServerSocket listenOnLoopback() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return server;
    }
}
