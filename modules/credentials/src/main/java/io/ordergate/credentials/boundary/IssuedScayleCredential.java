package io.ordergate.credentials.boundary;

/**
 * A SCAYLE merchant credential as issued: the only time its password exists outside the caller's
 * hands. Never logged, never stored in clear.
 */
public record IssuedScayleCredential(String merchantKey, String username, String password) {

    @Override
    public String toString() {
        return "IssuedScayleCredential[merchantKey=" + merchantKey + ", username=" + username + ", password=***]";
    }
}
