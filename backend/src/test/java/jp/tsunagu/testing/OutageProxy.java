package jp.tsunagu.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the API and PostgreSQL that can take the database away: while the system property
 * {@value #SWITCH} is {@code down} it cuts every open connection and refuses new ones (as a stopped server does),
 * and when it is {@code up} again it listens on the same port. Controlled by a system property because the test
 * and this test resource live in different class loaders of the same JVM.
 */
public final class OutageProxy implements AutoCloseable {

    public static final String SWITCH = "tsunagu.test.database";

    private final InetSocketAddress target;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean closed;

    public OutageProxy(String host, int targetPort) throws IOException {
        this.target = new InetSocketAddress(host, targetPort);
        this.server = listen(0);
        this.port = server.getLocalPort();
        System.setProperty(SWITCH, "up");
        Thread watcher = new Thread(this::watch, "outage-proxy-switch");
        watcher.setDaemon(true);
        watcher.start();
        accept(server);
    }

    public int port() {
        return port;
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        return s;
    }

    private void accept(ServerSocket listening) {
        Thread t = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket();
                    upstream.connect(target, 2000);
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed for an outage, or the database did not answer: the API sees a refused connection
                }
            }
        }, "outage-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // cut
            } finally {
                quietly(from);
                quietly(to);
            }
        }, "outage-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void watch() {
        boolean up = true;
        while (!closed) {
            boolean wanted = !"down".equals(System.getProperty(SWITCH));
            try {
                if (up && !wanted) {
                    quietly(server);
                    open.forEach(OutageProxy::quietly);
                    open.clear();
                    up = false;
                } else if (!up && wanted) {
                    server = listen(port);
                    accept(server);
                    up = true;
                }
                Thread.sleep(20);
            } catch (IOException | InterruptedException e) {
                // try again on the next turn
            }
        }
    }

    private static void quietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        quietly(server);
        open.forEach(OutageProxy::quietly);
    }
}
