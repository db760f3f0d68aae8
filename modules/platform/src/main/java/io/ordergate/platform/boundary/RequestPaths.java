package io.ordergate.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses paths that only an attacker writes, before any servlet sees them: a segment that is or
 * decodes to {@code .} or {@code ..} (also {@code ..;x}), an encoded {@code /} or {@code \}, a NUL,
 * a broken {@code %}-escape or invalid UTF-8. The container would otherwise normalise
 * {@code /api/admin/%2e%2e/%2e%2e/x} to {@code /x}, outside {@code /api}, where the console answers
 * with a page or a redirect; and an id may never carry a path. 400 problem+json, whatever the path.
 */
// asyncSupported: the SCAYLE webhooks answer asynchronously, and every filter on the way must allow it
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestPaths extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isAcceptable(request.getRequestURI())) {
            var problem = new Problem(400, "Bad Request",
                    "The path contains a dot segment, an encoded separator, a NUL or a broken %-escape.");
            var body = problem.toJson().getBytes(StandardCharsets.UTF_8);
            response.setStatus(400);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }

    /** @param rawPath the request URI as sent, before decoding */
    static boolean isAcceptable(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\\') >= 0) {
            return false;
        }
        for (var segment : rawPath.substring(1).split("/", -1)) {
            var decoded = decode(segment);
            if (decoded == null || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0
                    || decoded.indexOf('\0') >= 0) {
                return false;
            }
            var name = decoded.split(";", 2)[0];
            if (name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Strict %-decoding to UTF-8; null when an escape is broken or the bytes are not UTF-8. */
    static String decode(String segment) {
        var bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return null;
                }
                int high = Character.digit(segment.charAt(i + 1), 16);
                int low = Character.digit(segment.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
