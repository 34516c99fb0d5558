package io.srecopilot.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder a test can cut and restore, standing between the service under test and a real
 * dependency: {@link #cut()} drops every connection and refuses new ones, as a stopped server
 * would; {@link #restore()} accepts again on the same port.
 */
public final class TcpProxy {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    private TcpProxy(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
    }

    /** A proxy on a free local port, accepting. */
    public static TcpProxy start(String targetHost, int targetPort) {
        TcpProxy proxy = new TcpProxy(targetHost, targetPort, TcpPorts.free());
        proxy.restore();
        return proxy;
    }

    public int port() {
        return port;
    }

    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            Thread accepter = new Thread(() -> accept(socket), "tcp-proxy-accept-" + port);
            accepter.setDaemon(true);
            accepter.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void cut() {
        closeQuietly(server);
        server = null;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                forward(socket.accept());
            } catch (IOException e) {
                // Closed by cut(): stop accepting.
            }
        }
    }

    private void forward(Socket client) {
        try {
            Socket upstream = new Socket(targetHost, targetPort);
            open.add(client);
            open.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        } catch (IOException e) {
            // The target refused: the client sees its connection end, as it would without the proxy.
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed; closing both below ends the other direction too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-" + port);
        thread.setDaemon(true);
        thread.start();
    }


    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed.
        }
    }
}
