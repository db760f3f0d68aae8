package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.scalepoint.control.ClientCertificates;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connecting OrderGate to Scalepoint the way an operator does: settings, certificates generated
 * or uploaded, sent to Scalepoint, activated and retired, and "test connection" reporting what
 * Scalepoint's Authorization Server said. Secrets and private keys never come back out.
 */
class ScalepointConnectionIT extends ScalepointBase {

    Answer put(String json) {
        var response = put("api/admin/scalepoint/connection", json);
        return new Answer(
                response.statusCode(),
                text(response),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    record Answer(int status, String body, String contentType) {}

    JsonObject test() {
        var response = post("api/admin/scalepoint/connection/test", admin(), null, new byte[0]);
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.object(response.body());
    }

    JsonObject certificate(String path, String body, int expectedStatus) {
        var response = post(
                "api/admin/scalepoint/connection/certificates" + path,
                admin(),
                body == null ? null : "application/json",
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(expectedStatus);
        return Json.object(response.body());
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        for (var bad : List.of(
                "{\"clientId\": \"c\", \"scopes\": [], \"country\": \"dk\"}",
                "{\"clientId\": \"c\", \"scopes\": [], \"tenant\": \"a/b\", \"country\": \"dk\"}",
                "{\"clientId\": \"c\", \"scopes\": \"orderdata\", \"tenant\": \"t\", \"country\": \"dk\"}",
                "{\"clientId\": \"c\", \"scopes\": [\"order data\"], \"tenant\": \"t\", \"country\": \"dk\"}",
                "{\"clientId\": \"c\", \"scopes\": [], \"tenant\": \"t\", \"country\": \"dk\", \"tokenUrl\": \"ftp://x/y\"}",
                "{\"clientId\": \"c\", \"scopes\": [], \"tenant\": \"t\", \"country\": \"dk\", "
                        + "\"orderDataUrl\": \"https://user:pw@scalepoint.example\"}",
                "{\"clientId\": \"\", \"scopes\": [], \"tenant\": \"t\", \"country\": \"dk\"}",
                "[1, 2]")) {
            var response = put(bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).as(bad).isEqualTo("application/problem+json");
        }
    }

    @Test
    void aClientSecretIsUsedButNeverShownOrStoredInClear() throws Exception {
        var secret = "sp-secret-" + java.util.UUID.randomUUID();
        scalepoint().registerSecretClient("secret-client", secret);

        var saved = put("""
                {"clientId": "secret-client", "scopes": ["orderdata"], "tenant": "t1", "country": "dk",
                 "clientSecret": "%s"}""".formatted(secret));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(secret).contains("\"authentication\":\"client_secret\"");
        assertThat(text(get("api/admin/scalepoint/connection", admin()))).doesNotContain(secret);
        var sealed = (byte[])
                rows("SELECT client_secret_sealed FROM sp_connection").get(0).get("client_secret_sealed");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        var ok = test();
        assertThat(ok.getBoolean("ok")).as(ok.toString()).isTrue();
        assertThat(ok.getString("authentication")).isEqualTo("client_secret");
        assertThat(count("SELECT count(*) FROM audit_record WHERE detail::text LIKE ?", "%" + secret + "%"))
                .isZero();

        scalepoint().registerSecretClient("secret-client", "another-secret");
        var refused = test();
        assertThat(refused.getBoolean("ok")).isFalse();
        assertThat(refused.getString("error")).contains("401").contains("invalid_client");
        connect(); // back to private_key_jwt for the tests after this one
    }

    @Test
    void certificatesRotateWithoutInterruption() throws Exception {
        var first = connect();
        assertThat(test().getBoolean("ok")).isTrue();

        var second = certificate("", "{\"commonName\": \"OrderGate rotation\"}", 201);

        assertThat(second.getBoolean("active")).isFalse();
        assertThat(second.getString("origin")).isEqualTo("generated");
        var der = Base64.getDecoder().decode(second.getString("certificate"));
        var x509 = ClientCertificates.certificate(der);
        assertThat(((RSAPublicKey) x509.getPublicKey()).getModulus().bitLength())
                .isEqualTo(2048);
        assertThat(x509.getSigAlgName()).isEqualTo("SHA256withRSA");
        x509.verify(x509.getPublicKey()); // self-signed
        var sha1 = MessageDigest.getInstance("SHA-1").digest(der);
        assertThat(second.getString("thumbprint"))
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(sha1));
        assertThat(second.getString("x5t"))
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(sha1));
        assertThat(Instant.parse(second.getString("notAfter")))
                .isAfter(Instant.now().plus(Duration.ofDays(700)));
        assertThat(text(get("api/admin/scalepoint/connection/certificates", admin())))
                .doesNotContain("PRIVATE");

        // activated before Scalepoint knows it: the token request fails, and says why
        certificate("/" + second.getString("thumbprint") + "/activate", null, 200);
        var refused = test();
        assertThat(refused.getBoolean("ok")).isFalse();
        assertThat(refused.getString("error")).contains("invalid_client");

        scalepoint().registerClient(CLIENT_ID, der);
        assertThat(test().getBoolean("ok")).isTrue();

        var retired = delete("api/admin/scalepoint/connection/certificates/" + first.getString("thumbprint"), admin());
        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(Json.object(retired.body()).getString("retiredAt")).isNotBlank();
        assertThat(rows(
                                "SELECT private_key_sealed FROM sp_certificate WHERE thumbprint = ?",
                                first.getString("thumbprint"))
                        .get(0)
                        .get("private_key_sealed"))
                .isNull();
        var retireActive =
                delete("api/admin/scalepoint/connection/certificates/" + second.getString("thumbprint"), admin());
        assertThat(retireActive.statusCode()).isEqualTo(409);
        assertThat(post(
                                "api/admin/scalepoint/connection/certificates/" + first.getString("thumbprint")
                                        + "/activate",
                                admin(),
                                null,
                                new byte[0])
                        .statusCode())
                .isEqualTo(409);
        assertThat(post("api/admin/scalepoint/connection/certificates/00FF/activate", admin(), null, new byte[0])
                        .statusCode())
                .isEqualTo(404);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action IN ('scalepoint.certificate.activated', "
                                + "'scalepoint.certificate.retired') AND subject_key IN (?, ?)",
                        first.getString("thumbprint"),
                        second.getString("thumbprint")))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anExistingPkcs12CanBeUploadedAndItsKeyIsSealed() throws Exception {
        var key = ClientCertificates.generate("Made elsewhere", Duration.ofDays(90));
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                "ordergate", key.privateKey(), "p12-pass".toCharArray(), new Certificate[] {key.certificate()});
        var file = new ByteArrayOutputStream();
        store.store(file, "p12-pass".toCharArray());
        var base64 = Base64.getEncoder().encodeToString(file.toByteArray());

        var uploaded = certificate("", "{\"pkcs12\": \"" + base64 + "\", \"password\": \"p12-pass\"}", 201);

        assertThat(uploaded.getString("origin")).isEqualTo("uploaded");
        assertThat(uploaded.getString("thumbprint")).isEqualTo(ClientCertificates.thumbprint(key.certificate()));
        var sealed = (byte[]) rows(
                        "SELECT private_key_sealed FROM sp_certificate WHERE thumbprint = ?",
                        uploaded.getString("thumbprint"))
                .get(0)
                .get("private_key_sealed");
        assertThat(indexOf(sealed, key.privateKey().getEncoded())).isEqualTo(-1);
        certificate("", "{\"pkcs12\": \"" + base64 + "\", \"password\": \"p12-pass\"}", 409);
        var wrongPassword = certificate("", "{\"pkcs12\": \"" + base64 + "\", \"password\": \"nope\"}", 400);
        assertThat(wrongPassword.getString("detail")).contains("password");
        certificate("", "{\"pkcs12\": \"%%%\"}", 400);
        certificate(
                "",
                "{\"pkcs12\": \"" + Base64.getEncoder().encodeToString("not a p12".getBytes(StandardCharsets.UTF_8))
                        + "\", \"password\": \"x\"}",
                400);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
