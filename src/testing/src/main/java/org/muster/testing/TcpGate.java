package org.muster.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay in front of a real server that a test can cut and restore: while cut, every open
 * connection is reset and new ones are refused, as when PostgreSQL restarts or the network between
 * a service and its database fails. The service under test is configured with the gate's port.
 */
public final class TcpGate implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-gate");
        t.setDaemon(true);
        return t;
    });
    private volatile ServerSocket listener;

    private TcpGate(InetSocketAddress upstream) {
        this.upstream = upstream;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** Opens a gate on a free local port to {@code host:port}. */
    public static TcpGate to(String host, int port) {
        return new TcpGate(new InetSocketAddress(host, port));
    }

    public int port() {
        return port;
    }

    /** Resets every connection through the gate and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        closeQuietly(listener);
        open.forEach(TcpGate::closeQuietly);
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (listener.isClosed()) {
            listener = listen(port);
            accept(listener);
        }
    }

    @Override
    public void close() {
        cut();
        threads.shutdownNow();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("the gate cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket on) {
        threads.execute(() -> {
            while (!on.isClosed()) {
                try {
                    Socket client = on.accept();
                    Socket server = new Socket();
                    server.connect(upstream);
                    open.add(client);
                    open.add(server);
                    if (on.isClosed()) { // cut while this one was being connected
                        closeQuietly(client);
                        closeQuietly(server);
                        continue;
                    }
                    threads.execute(() -> pump(client, server));
                    threads.execute(() -> pump(server, client));
                } catch (IOException e) {
                    // The listener was closed by cut(), or the upstream refused: the client's
                    // connection ends, as it would without the gate.
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed or was reset: close the other so that its peer sees the end too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c instanceof Socket s && !s.isClosed()) {
                s.setSoLinger(true, 0); // a reset, as a dying server or a broken network gives
            }
            c.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
