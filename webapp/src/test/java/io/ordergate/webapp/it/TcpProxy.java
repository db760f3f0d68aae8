package io.ordergate.webapp.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between OrderGate and PostgreSQL that a test can cut (every open connection is
 * closed and new ones are refused at once) and restore, to play a database outage.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean stalled;

    public TcpProxy(int port, InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        var acceptor = new Thread(this::accept, "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /**
     * Plays a database that hangs: connections stay open, but nothing passes in either direction
     * (like a network partition without resets). New connections are accepted and starve too.
     */
    public void stall() {
        stalled = true;
    }

    public void restore() {
        cut = false;
        stalled = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                var upstream = new Socket();
                upstream.connect(target, 2000);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // a refused upstream or a closed server socket: the client sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        var thread = new Thread(
                () -> {
                    var buffer = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) != -1) {
                            while (stalled && !from.isClosed()) {
                                Thread.sleep(50);
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException e) {
                        // connection closed by either side or cut
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "db-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
