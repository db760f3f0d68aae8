package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.platform.boundary.PartnerUnavailable;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ConnectionTestFailureTest {

    /** What PartnerClients throws when there was no HTTP answer: the low-level text in its message. */
    static PartnerUnavailable noAnswer(Exception root) {
        return new PartnerUnavailable(
                null,
                "The Scalepoint token endpoint could not be reached: "
                        + root.getClass().getSimpleName() + " (" + root.getMessage() + ")",
                null,
                new ProcessingException(root));
    }

    @Test
    void networkFailuresAreReducedToTheirKind() {
        var refused = ConnectionTests.failure(noAnswer(new ConnectException("Connection refused: /10.0.0.1:22")));
        var timedOut = ConnectionTests.failure(noAnswer(new SocketTimeoutException("connect timed out")));

        assertThat(refused)
                .isEqualTo(timedOut)
                .isEqualTo("Could not connect to the token endpoint (connection refused, reset or timed out).");
        assertThat(ConnectionTests.failure(noAnswer(new SSLHandshakeException("PKIX path building failed"))))
                .isEqualTo("The TLS handshake with the token endpoint failed (certificate or protocol not accepted).");
        assertThat(ConnectionTests.failure(noAnswer(new UnknownHostException("internal.corp"))))
                .isEqualTo("The token endpoint's host could not be resolved.");
        assertThat(ConnectionTests.failure(noAnswer(new UnknownHostException("ssl.partner.example"))))
                .isEqualTo("The token endpoint's host could not be resolved.");
    }

    @Test
    void aCauseKeptOnlyAsTextIsStillRecognised() {
        var flattened = new PartnerUnavailable(
                null,
                "The Scalepoint token endpoint could not be reached: "
                        + "SSLException (Unsupported or unrecognized SSL message)",
                null,
                null);
        var refused = new PartnerUnavailable(
                null,
                "The Scalepoint token endpoint could not be reached: "
                        + "ConnectException (Connection refused: ssl.partner.example/10.0.0.1:22)",
                null,
                null);

        assertThat(ConnectionTests.failure(flattened)).startsWith("The TLS handshake");
        assertThat(ConnectionTests.failure(refused)).startsWith("Could not connect");
    }

    @Test
    void httpAnswersKeepOnlyTheirStatus() {
        var answered = new PartnerUnavailable(
                503,
                "The Scalepoint token endpoint answered 503: <html>Apache/2.4.1 "
                        + "(Debian) Server at 10.0.0.1 Port 8080</html>",
                null,
                null);

        assertThat(ConnectionTests.failure(answered)).isEqualTo("The token endpoint answered 503.");
    }

    @Test
    void ourOwnMessagesAreShownAsTheyAre() {
        assertThat(ConnectionTests.failure(new NotConnected("OrderGate does not call this URL: x")))
                .isEqualTo("OrderGate does not call this URL: x");
        assertThat(ConnectionTests.failure(
                        new TokenFailure(401, "The Scalepoint token endpoint answered 401: invalid_client.")))
                .contains("401", "invalid_client");
    }

    @Test
    void anythingElseIsNotEchoed() {
        assertThat(ConnectionTests.failure(new IllegalStateException("java.io.IOException at /10.0.0.1")))
                .doesNotContain("10.0.0.1")
                .doesNotContain("Exception");
    }
}
