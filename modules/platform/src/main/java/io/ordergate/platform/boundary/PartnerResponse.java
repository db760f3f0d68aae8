package io.ordergate.platform.boundary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An answer from a partner, read completely (and within the size limit) before it is looked at. */
public record PartnerResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The body as strict UTF-8. @throws IllegalArgumentException when it is not valid UTF-8 */
    public String utf8() {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The response body is not valid UTF-8.", e);
        }
    }

    /** The start of the body, for an error message. Never used for a token response. */
    public String excerpt() {
        var text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return text.isBlank() ? "(empty body)" : text + (body.length > 200 ? "…" : "");
    }
}
