package io.ordergate.webapp.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http cannot show: a server that answers before
 * it has read the whole body (the JDK client keeps uploading and never reads the early answer).
 */
final class RawHttp {

    record Answer(int status, String body) {}

    /** An answer with its header lines as sent (names in lower case, each value as it came). */
    record Full(int status, List<Map.Entry<String, String>> headers, String body) {

        List<String> header(String name) {
            return headers.stream()
                    .filter(h -> h.getKey().equals(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue)
                    .toList();
        }
    }

    /**
     * A request whose path goes out exactly as given (no client normalises or re-encodes it).
     *
     * @param headers name, value, name, value...
     */
    static Full exchange(URI base, String method, String rawPath, byte[] body, String... headers) throws IOException {
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            var head = new StringBuilder(
                    method + " " + rawPath + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            var response = readAll(socket.getInputStream());
            var end = response.indexOf("\r\n\r\n");
            var lines = response.substring(0, end < 0 ? response.length() : end).split("\r\n");
            var parsed = new ArrayList<Map.Entry<String, String>>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    parsed.add(Map.entry(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim()));
                }
            }
            return new Full(
                    Integer.parseInt(lines[0].split(" ")[1]), parsed, end < 0 ? "" : response.substring(end + 4));
        }
    }

    private RawHttp() {}

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
