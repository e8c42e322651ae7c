package io.portbroker.upstream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A byte-level HTTP/1.1 server on loopback for what the fake upstreams cannot show: how many connections a
 * client opens (pool reuse) and a server that closes a keep-alive connection right after answering (without
 * saying so). Each request gets {@code response} written verbatim.
 */
final class RawHttpServer implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final byte[] response;
    private final boolean closeAfterEach;

    RawHttpServer(String response, boolean closeAfterEach) throws IOException {
        this.response = response.getBytes(StandardCharsets.ISO_8859_1);
        this.closeAfterEach = closeAfterEach;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
    }

    int accepted() {
        return accepted.get();
    }

    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (readRequest(in)) {
                requests.incrementAndGet();
                out.write(response);
                out.flush();
                if (closeAfterEach) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
