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
 * decodes to {@code .} or {@code ..}, a path parameter ({@code ;}, also encoded), an encoded
 * {@code /} or {@code \}, a NUL,
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
            var problem = new Problem(
                    400,
                    "Bad Request",
                    "The path contains a dot segment, a path parameter (;), an encoded separator, a NUL or a broken "
                            + "%-escape.");
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
        // A path parameter (";x") is a second spelling of a path: "/api;admin/users" reached the
        // admin resources while the container saw "/api". Nothing OrderGate serves uses them (the
        // session id travels only in a cookie), so every spelling but the plain one is refused.
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\\') >= 0 || rawPath.indexOf(';') >= 0) {
            return false;
        }
        for (var segment : rawPath.substring(1).split("/", -1)) {
            var decoded = decode(segment);
            if (decoded == null
                    || decoded.indexOf('/') >= 0
                    || decoded.indexOf('\\') >= 0
                    || decoded.indexOf('\0') >= 0) {
                return false;
            }
            if (decoded.indexOf(';') >= 0 || decoded.equals(".") || decoded.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The path as the application means it: each segment %-decoded, path parameters and empty
     * segments dropped, joined by single slashes ({@code "/api//%61dmin;x/users"} is
     * {@code "/api/admin/users"}). For decisions that must not depend on how a path was spelled;
     * an undecodable segment is kept as it came, and such a path is refused here anyway.
     */
    public static String canonical(String rawPath) {
        var canonical = new StringBuilder();
        for (var segment : (rawPath == null ? "" : rawPath).split("/")) {
            var decoded = decode(segment.split(";", 2)[0]);
            var name = decoded == null ? segment : decoded.split(";", 2)[0];
            if (!name.isEmpty()) {
                canonical.append('/').append(name);
            }
        }
        return canonical.length() == 0 ? "/" : canonical.toString();
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
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
