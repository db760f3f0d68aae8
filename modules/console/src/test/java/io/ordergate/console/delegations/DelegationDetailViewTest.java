package io.ordergate.console.delegations;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.scayle.boundary.Address;
import org.junit.jupiter.api.Test;

class DelegationDetailViewTest {

    @Test
    void anAddressIsOneLineOfWhatWasSent() {
        var address = new Address("Erika", "Mustermann", "Hauptstraße", "5", null, "20095", "Hamburg", "DE", " ");

        assertThat(DelegationDetailView.address(address))
                .isEqualTo("Erika Mustermann, Hauptstraße 5, 20095 Hamburg, DE");
        assertThat(DelegationDetailView.address(
                        new Address(null, "Mustermann", null, null, "c/o Muster", null, null, null, null)))
                .isEqualTo("Mustermann, c/o Muster");
    }

    @Test
    void anAddressSentEmptyStaysEmptyAndAMissingOneHasNoValue() {
        assertThat(DelegationDetailView.address(new Address(null, null, " ", null, null, null, null, null, null)))
                .isEmpty();
        assertThat(DelegationDetailView.address(null)).isNull();
    }
}
