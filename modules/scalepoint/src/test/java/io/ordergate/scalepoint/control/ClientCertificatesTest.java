package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ordergate.scalepoint.control.ClientCertificates.KeyAndCertificate;
import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientCertificatesTest {

    static final char[] PASSWORD = "correct horse".toCharArray();
    static final Duration VALIDITY = Duration.ofDays(365);

    static KeyAndCertificate generated;
    static Instant generatedAt;

    @BeforeAll
    static void generateOnce() {
        generatedAt = Instant.now();
        generated = ClientCertificates.generate("OrderGate Scalepoint client", VALIDITY);
    }

    @Test
    void theGeneratedCertificateIsSelfSignedRsa2048WithSha256() throws Exception {
        var certificate = generated.certificate();

        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity();
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(certificate.getPublicKey()).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength())
                .isEqualTo(2048);
        assertThat(generated.privateKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(certificate.getSubjectX500Principal())
                .isEqualTo(new X500Principal("CN=OrderGate Scalepoint client"))
                .isEqualTo(certificate.getIssuerX500Principal());
        assertThat(certificate.getSerialNumber()).isPositive();
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void theCertificateIsValidFromAnHourAgoForTheGivenPeriod() {
        var certificate = generated.certificate();

        assertThat(certificate.getNotBefore().toInstant())
                .isCloseTo(generatedAt.minus(Duration.ofHours(1)), within(5, ChronoUnit.SECONDS));
        assertThat(certificate.getNotAfter().toInstant())
                .isCloseTo(generatedAt.plus(VALIDITY), within(5, ChronoUnit.SECONDS));
    }

    @Test
    void serialNumbersAreRandom() {
        var other = ClientCertificates.generate("other", Duration.ofDays(1));

        assertThat(other.certificate().getSerialNumber())
                .isNotEqualTo(generated.certificate().getSerialNumber());
        assertThat(other.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=other");
    }

    @Test
    void aCommonNameWithSpecialCharactersIsNotParsedAsSeveralNames() {
        var certificate = ClientCertificates.generate("Acme, Inc.+O=Evil", Duration.ofDays(1))
                .certificate();

        assertThat(certificate.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=Acme\\, Inc.\\+O\\=Evil"));
    }

    @Test
    void unusableArgumentsAreRefused() {
        assertThatThrownBy(() -> ClientCertificates.generate(" ", VALIDITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("common name");
        assertThatThrownBy(() -> ClientCertificates.generate("x", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validity");
    }

    @Test
    void theThumbprintIsTheUpperCaseHexSha1OfTheDer() throws Exception {
        var sha1 = MessageDigest.getInstance("SHA-1")
                .digest(generated.certificate().getEncoded());

        var thumbprint = ClientCertificates.thumbprint(generated.certificate());

        assertThat(thumbprint).hasSize(40).matches("[0-9A-F]{40}");
        assertThat(HexFormat.of().parseHex(thumbprint)).isEqualTo(sha1);
    }

    @Test
    void x5tIsTheBase64UrlOfTheSameSha1() throws Exception {
        var sha1 = MessageDigest.getInstance("SHA-1")
                .digest(generated.certificate().getEncoded());

        var x5t = ClientCertificates.x5t(generated.certificate());

        assertThat(x5t).hasSize(27).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(x5t)).hasSize(20).isEqualTo(sha1);
    }

    @Test
    void derAndPkcs8RoundTrip() {
        var der = ClientCertificates.der(generated.certificate());
        var pkcs8 = ClientCertificates.pkcs8(generated.privateKey());

        assertThat(ClientCertificates.certificate(der)).isEqualTo(generated.certificate());
        assertThat(ClientCertificates.privateKey(pkcs8)).isEqualTo(generated.privateKey());
    }

    @Test
    void garbageIsNeitherACertificateNorAKey() {
        assertThatThrownBy(() -> ClientCertificates.certificate(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X.509 certificate");
        assertThatThrownBy(() -> ClientCertificates.privateKey(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8");
    }

    @Test
    void aPkcs12FileRoundTrips() throws Exception {
        var read = ClientCertificates.fromPkcs12(pkcs12(generated, PASSWORD), PASSWORD);

        assertThat(read.privateKey()).isEqualTo(generated.privateKey());
        assertThat(read.certificate()).isEqualTo(generated.certificate());
    }

    @Test
    void aWrongPkcs12PasswordIsReportedAsSuch() throws Exception {
        var pkcs12 = pkcs12(generated, PASSWORD);

        assertThatThrownBy(() -> ClientCertificates.fromPkcs12(pkcs12, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password is wrong")
                .hasMessageNotContaining("correct horse");
    }

    @Test
    void garbageIsNotAPkcs12File() {
        assertThatThrownBy(() -> ClientCertificates.fromPkcs12(new byte[] {1, 2, 3}, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PKCS#12");
        assertThatThrownBy(() ->
                        ClientCertificates.fromPkcs12(generated.certificate().getEncoded(), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PKCS#12");
    }

    @Test
    void aPkcs12FileWithoutPrivateKeyIsRefused() throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("scalepoint", generated.certificate());
        store.setEntry(
                "secret",
                new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[32], "AES")),
                new KeyStore.PasswordProtection(PASSWORD));

        assertThatThrownBy(() -> ClientCertificates.fromPkcs12(bytes(store), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no private key entry");
    }

    @Test
    void aPkcs12FileWhoseCertificateBelongsToAnotherKeyIsRefused() throws Exception {
        var other = ClientCertificates.generate("other", Duration.ofDays(1));
        var mismatched = new KeyAndCertificate(generated.privateKey(), other.certificate());

        assertThatThrownBy(() -> ClientCertificates.fromPkcs12(pkcs12(mismatched, PASSWORD), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void theKeyIsNeverPrinted() {
        var printed = generated.toString();

        assertThat(printed)
                .contains("CN=OrderGate Scalepoint client")
                .contains(ClientCertificates.thumbprint(generated.certificate()))
                .doesNotContain(generated.privateKey().toString())
                .doesNotContain(Base64.getEncoder()
                        .encodeToString(generated.privateKey().getEncoded()));
    }

    static byte[] pkcs12(KeyAndCertificate key, char[] password) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("ordergate", key.privateKey(), password, new Certificate[] {key.certificate()});
        return bytes(store);
    }

    static byte[] bytes(KeyStore store) throws Exception {
        var out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);
        return out.toByteArray();
    }
}
