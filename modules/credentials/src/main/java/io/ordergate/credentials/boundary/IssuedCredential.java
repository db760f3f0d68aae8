package io.ordergate.credentials.boundary;

/**
 * A credential as issued: the only time its password exists outside the caller's hands. Never
 * logged, never stored in clear.
 */
public record IssuedCredential(String merchantKey, String username, String password) {

    @Override
    public String toString() {
        return "IssuedCredential[merchantKey=" + merchantKey + ", username=" + username + ", password=***]";
    }
}
