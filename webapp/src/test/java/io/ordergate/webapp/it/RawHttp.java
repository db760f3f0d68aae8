package io.ordergate.webapp.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http cannot show: a server that answers before
 * it has read the whole body (the JDK client keeps uploading and never reads the early answer).
 */
final class RawHttp {

    record Answer(int status, String body) {
    }

    private RawHttp() {
    }

    static Answer post(URI uri, String authorization, byte[] body, boolean chunked) throws IOException {
        try (var socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(15_000);
            var head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: " + authorization + "\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + "Connection: close\r\n\r\n";
            var out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                int chunk = 8192;
                for (int offset = 0; offset < body.length; offset += chunk) {
                    int n = Math.min(chunk, body.length - offset);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(body, offset, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // the server answered and closed before taking the whole body: read its answer
            }
            var response = readAll(socket.getInputStream());
            var statusLine = response.substring(0, response.indexOf("\r\n"));
            var status = Integer.parseInt(statusLine.split(" ")[1]);
            var bodyStart = response.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }

    static String readAll(InputStream in) throws IOException {
        var buffer = new ByteArrayOutputStream();
        var bytes = new byte[8192];
        try {
            int n;
            while ((n = in.read(bytes)) != -1) {
                buffer.write(bytes, 0, n);
            }
        } catch (IOException e) {
            if (buffer.size() == 0) {
                throw e;
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
