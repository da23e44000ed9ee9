package dev.goldsmith.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server whose one answer never ends: {@code 200}, chunked, the start of a chat completion and then
 * padding, written as fast as the client reads, until the client hangs up. A safety stop ({@link #SAFETY_STOP})
 * bounds it anyway, far past any cap the client should have. Serves one connection at a time.
 */
final class EndlessServer implements AutoCloseable {

    /** The most one answer writes: a client that reads this far has no cap worth the name. */
    static final long SAFETY_STOP = 64L * 1024 * 1024;

    private final ServerSocket socket;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean hungUp = new AtomicBoolean();
    private final CountDownLatch answered = new CountDownLatch(1);

    EndlessServer() throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "endless-server");
        thread.setDaemon(true);
        thread.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Body bytes written to the last client. */
    long written() {
        return written.get();
    }

    /** Waits until the answer ended; true when it ended because the client hung up (not by the safety stop). */
    boolean clientHungUp() throws InterruptedException {
        answered.await();
        return hungUp.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                readRequest(client.getInputStream());
                answer(client.getOutputStream());
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void answer(OutputStream out) {
        try {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + "x-ratelimit-remaining-requests: 41\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            chunk(out, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] padding = "Led the rollout. ".repeat(480).getBytes(StandardCharsets.UTF_8); // about 8 KB
            while (written.get() < SAFETY_STOP) {
                chunk(out, padding);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            hungUp.set(true);
        } finally {
            answered.countDown();
        }
    }

    private void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        written.addAndGet(data.length);
    }

    /** Reads the request head and a body of its {@code Content-Length}. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed before its request ended");
            }
            head.append((char) b);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        in.readNBytes((int) length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
