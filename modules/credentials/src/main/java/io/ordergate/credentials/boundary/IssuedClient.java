package io.ordergate.credentials.boundary;

/** A webhook client as issued: the only time its secret exists outside the caller's hands. */
public record IssuedClient(String clientId, String clientSecret, String platform, String scope) {

    @Override
    public String toString() {
        return "IssuedClient[clientId=" + clientId + ", platform=" + platform + ", clientSecret=***]";
    }
}
