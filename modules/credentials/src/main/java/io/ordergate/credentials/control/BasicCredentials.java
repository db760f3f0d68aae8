package io.ordergate.credentials.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user and password of an {@code Authorization: Basic} header (RFC 7617). */
public record BasicCredentials(String username, String password) {

    /**
     * Parses the header value. Only the first colon separates user and password, so passwords may
     * contain colons. The scheme name is case-insensitive.
     *
     * @return empty when the header is absent or not a well-formed Basic credential
     */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var value = header.strip();
        if (value.length() < 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var text = new String(decoded, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        // RFC 7617 section 2: no control characters; a NUL could not even be stored in an audit record.
        if (colon <= 0 || text.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(text.substring(0, colon), text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
