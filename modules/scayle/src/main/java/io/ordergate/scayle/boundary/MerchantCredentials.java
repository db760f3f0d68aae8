package io.ordergate.scayle.boundary;

/**
 * Newly issued credentials of a merchant with the two URLs to paste into SCAYLE's merchant
 * configuration ({@code orderDelegationUrl}, {@code cancellationUrl}). Shown once.
 */
public record MerchantCredentials(String merchantKey, String username, String password, String orderDelegationUrl,
        String cancellationUrl) {

    @Override
    public String toString() {
        return "MerchantCredentials[merchantKey=" + merchantKey + ", username=" + username + ", password=***]";
    }
}
