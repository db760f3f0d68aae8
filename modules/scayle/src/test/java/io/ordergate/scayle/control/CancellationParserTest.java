package io.ordergate.scayle.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.scayle.boundary.CancellationRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CancellationParserTest {

    static CancellationRequest parse(String json) {
        return CancellationParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void warehousesAreASet() {
        var a = parse("{\"orderReferenceKey\":\"o\",\"fulfillingMerchantKey\":\"m\",\"warehouseIds\":[2,1,2]}");
        var b = parse("{\"warehouseIds\":[1,2],\"fulfillingMerchantKey\":\"m\",\"orderReferenceKey\":\"o\"}");

        assertThat(a.warehouseIds()).containsExactly(1L, 2L);
        assertThat(a.warehouseIdsJson()).isEqualTo("[1,2]");
        assertThat(a.contentSha256()).isEqualTo(b.contentSha256());
    }

    @Test
    void merchantKeyIsTheFallbackForTheFulfillingMerchant() {
        assertThat(parse("{\"orderReferenceKey\":\"o\",\"merchantKey\":\"m\"}").merchantKey())
                .isEqualTo("m");
        assertThat(parse("{\"orderReferenceKey\":\"o\",\"merchantKey\":\"x\",\"fulfillingMerchantKey\":\"m\"}")
                        .merchantKey())
                .isEqualTo("m");
        assertThat(parse("{\"orderReferenceKey\":\"o\",\"merchantKey\":\"m\"}").warehouseIdsJson())
                .isEqualTo("[]");
    }

    @Test
    void invalidCancellationsAre400() {
        for (var bad : new String[] {
            "{\"fulfillingMerchantKey\":\"m\"}",
            "{\"orderReferenceKey\":\"o\"}",
            "{\"orderReferenceKey\":\"o\",\"merchantKey\":\"m\",\"warehouseIds\":[\"a\"]}",
            "{\"orderReferenceKey\":\"o\",\"merchantKey\":\"m\",\"warehouseIds\":5}"
        }) {
            assertThatThrownBy(() -> parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.problem().status()).isEqualTo(400));
        }
    }
}
