package io.ordergate.scayle.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.platform.boundary.Hashes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DelegationFilterTest {

    @Test
    void theAuditedFormOfAFilterKeepsOnlyTheHashOfTheSearchText() {
        var filter = new DelegationFilter(
                "acme", null, DelegationStatus.ACKNOWLEDGED, null, null, null, "jane.doe@example.com");

        assertThat(filter.toString())
                .doesNotContain("jane", "example.com")
                .contains("text=sha256:" + Hashes.sha256Hex("jane.doe@example.com".getBytes(StandardCharsets.UTF_8)))
                .contains("merchantKey=acme", "status=acknowledged");
        assertThat(new DelegationFilter(null, null, null, null, null, null).toString())
                .contains("text=null");
    }
}
