package io.ordergate.credentials.control;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Generates credentials: URL-safe so that they can sit inside a webhook URL unescaped. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Wider than the names {@link #username} generates; anything else is refused unread. */
    private static final Pattern POSSIBLE_USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Secrets() {}

    /** 256 random bits, base64url without padding (43 characters of [A-Za-z0-9_-]). */
    public static String password() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A username that identifies one credential: {@code scayle-} and 16 hex digits. */
    public static String username(String prefix) {
        var bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Whether a generated credential (a SCAYLE merchant's user name, a webhook client's id) could
     * have this name: a name that cannot is refused without a lookup and never logged as given.
     */
    public static boolean isPossibleUsername(String name) {
        return name != null && POSSIBLE_USERNAME.matcher(name).matches();
    }
}
