package io.ordergate.scayle.boundary;

import io.ordergate.credentials.boundary.IssuedScayleCredential;
import io.ordergate.platform.boundary.PublicUrl;

/**
 * Newly issued credentials of a merchant with the two URLs to paste into SCAYLE's merchant
 * configuration ({@code orderDelegationUrl}, {@code cancellationUrl}). Shown once.
 */
public record MerchantCredentials(
        String merchantKey, String username, String password, String orderDelegationUrl, String cancellationUrl) {

    public static final String DELEGATION_PATH = "/api/scayle/order-delegations";
    public static final String CANCELLATION_PATH = "/api/scayle/order-cancellations";

    /** The URLs carry the credentials ({@code https://user:password@host/...}), ready to paste. */
    public static MerchantCredentials of(IssuedScayleCredential issued, PublicUrl urls) {
        return new MerchantCredentials(
                issued.merchantKey(),
                issued.username(),
                issued.password(),
                urls.withUserInfo(DELEGATION_PATH, issued.username(), issued.password()),
                urls.withUserInfo(CANCELLATION_PATH, issued.username(), issued.password()));
    }

    @Override
    public String toString() {
        return "MerchantCredentials[merchantKey=" + merchantKey + ", username=" + username + ", password=***]";
    }
}
