package io.ordergate.platform.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads request bodies with a hard size limit enforced while reading, not after. */
public final class RequestBodies {

    private RequestBodies() {}

    /**
     * @param declaredLength the Content-Length header, or -1; a declared length above the limit is
     *     rejected before a single byte is read
     * @throws ProblemException 413 when the body is larger than {@code limit}, 400 when it breaks off
     */
    public static byte[] read(InputStream in, long declaredLength, int limit) {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        var out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 4096);
        var buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ProblemException(400, "Bad Request", "The request body could not be read completely.");
        }
        return out.toByteArray();
    }

    /** RFC 9110 section 5.6.2; a parameter's value is a token or a quoted string of visible ASCII. */
    static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    static final String PARAMETER =
            "(" + TOKEN + ")=(" + TOKEN + "|\"(?:[\t \\x21\\x23-\\x5B\\x5D-\\x7E]" + "|\\\\[\t \\x21-\\x7E])*\")";
    /** RFC 9110 section 8.3.1: {@code type/subtype} and parameters, which may be empty ({@code ;;}). */
    static final Pattern MEDIA_TYPE =
            Pattern.compile("(" + TOKEN + ")/(" + TOKEN + ")((?:[ \t]*;[ \t]*(?:" + PARAMETER + ")?)*)[ \t]*");

    static final Pattern PARAMETERS = Pattern.compile(PARAMETER);

    /**
     * Accepts {@code application/json} and any {@code application/*+json}, with well-formed
     * parameters and no charset but UTF-8: our partners send UTF-8 JSON (RFC 8259 section 8.1), and
     * a body declared in another charset would be read as something it is not.
     *
     * @throws ProblemException 415 otherwise, also for a media type that is not well-formed
     */
    public static void requireJson(String contentType) {
        if (contentType == null) {
            throw unsupported("The request body must be sent as application/json; no Content-Type was given.");
        }
        var matcher = MEDIA_TYPE.matcher(contentType);
        if (!matcher.matches()) {
            throw malformed(contentType);
        }
        var type = matcher.group(1).toLowerCase(Locale.ROOT);
        var subtype = matcher.group(2).toLowerCase(Locale.ROOT);
        if (!type.equals("application")
                || !(subtype.equals("json") || subtype.endsWith("+json") && subtype.length() > "+json".length())) {
            throw unsupported("The request body must be sent as application/json, not '" + contentType + "'.");
        }
        var parameters = PARAMETERS.matcher(matcher.group(3));
        while (parameters.find()) {
            var value = parameters.group(2).replaceAll("^\"|\"$", "");
            if (parameters.group(1).equalsIgnoreCase("charset") && !isUtf8(value)) {
                throw unsupported("The request body must be UTF-8 JSON, not charset '" + value + "'.");
            }
        }
    }

    /** {@code UTF-8} or one of its aliases ({@code utf8}). */
    static boolean isUtf8(String charset) {
        try {
            return Charset.forName(charset).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a Content-Type header is a media type at all (RFC 9110 section 8.3.1). */
    public static boolean isWellFormedMediaType(String contentType) {
        return MEDIA_TYPE.matcher(contentType).matches();
    }

    /** 415 for a Content-Type header that is not a media type. */
    public static ProblemException malformed(String contentType) {
        return unsupported(
                "The Content-Type '" + contentType + "' is not a well-formed media type; send application/json.");
    }

    static ProblemException unsupported(String detail) {
        return new ProblemException(415, "Unsupported Media Type", detail);
    }

    /** With {@code Connection: close}: the rest of the body is never read, so the connection is done. */
    static ProblemException tooLarge(int limit) {
        return new ProblemException(
                new Problem(
                        413, "Content Too Large", "The request body is larger than the limit of " + limit + " bytes."),
                Map.of("Connection", "close"));
    }
}
