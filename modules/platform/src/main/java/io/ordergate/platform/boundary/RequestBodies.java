package io.ordergate.platform.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/** Reads request bodies with a hard size limit enforced while reading, not after. */
public final class RequestBodies {

    private RequestBodies() {
    }

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

    /**
     * Accepts {@code application/json} and any {@code application/*+json}, with any parameters.
     *
     * @throws ProblemException 415 otherwise
     */
    public static void requireJson(String contentType) {
        var type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean json = type.equals("application/json")
                || (type.startsWith("application/") && type.endsWith("+json") && type.length() > "application/+json".length());
        if (!json) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "The request body must be sent as application/json"
                            + (contentType == null ? "; no Content-Type was given." : ", not '" + contentType + "'."));
        }
    }

    /** With {@code Connection: close}: the rest of the body is never read, so the connection is done. */
    static ProblemException tooLarge(int limit) {
        return new ProblemException(new Problem(413, "Content Too Large",
                "The request body is larger than the limit of " + limit + " bytes."), Map.of("Connection", "close"));
    }
}
