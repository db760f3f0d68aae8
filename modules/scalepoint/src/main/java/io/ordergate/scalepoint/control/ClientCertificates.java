package io.ordergate.scalepoint.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed client certificate with which OrderGate authenticates to Scalepoint's
 * Authorization Server ({@code private_key_jwt}): Scalepoint keeps only the public certificate, the
 * private key never leaves OrderGate.
 *
 * <p>Bouncy Castle only builds the certificate; all cryptography runs on the JDK's providers, and
 * Bouncy Castle is never registered as a global JCA provider, which would leak across redeploys in
 * the application server.
 */
public final class ClientCertificates {

    static final int KEY_BITS = 2048;
    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    /** Backdated so that a partner whose clock runs a little ahead accepts a brand-new certificate. */
    static final Duration BACKDATE = Duration.ofHours(1);
    /** X.520 upper bound for a common name. */
    static final int MAX_COMMON_NAME = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientCertificates() {}

    /** A private key with its certificate. */
    public record KeyAndCertificate(PrivateKey privateKey, X509Certificate certificate) {

        public KeyAndCertificate {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(certificate, "certificate");
        }

        @Override
        public String toString() {
            return "KeyAndCertificate[privateKey=<redacted>, certificate=" + certificate.getSubjectX500Principal()
                    + ", thumbprint=" + thumbprint(certificate) + "]";
        }
    }

    /**
     * RSA 2048 key pair and a self-signed SHA256withRSA X.509 v3 certificate, CN=commonName, valid from now-1h to
     * now+validity, random positive serial.
     */
    public static KeyAndCertificate generate(String commonName, Duration validity) {
        if (commonName == null || commonName.isBlank() || commonName.length() > MAX_COMMON_NAME) {
            throw new IllegalArgumentException(
                    "A certificate common name must be 1 to " + MAX_COMMON_NAME + " characters long.");
        }
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("A certificate validity must be positive, not " + validity + ".");
        }
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, RANDOM);
            var keyPair = generator.generateKeyPair();
            var name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, commonName)
                    .build();
            var now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    serial(),
                    Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(validity)),
                    name,
                    keyPair.getPublic());
            var extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(keyPair.getPublic()))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(keyPair.getPublic()));
            // Without .setProvider(...) the signer uses the JDK's providers.
            var signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keyPair.getPrivate());
            return new KeyAndCertificate(
                    keyPair.getPrivate(), certificate(builder.build(signer).getEncoded()));
        } catch (NoSuchAlgorithmException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("RSA and SHA256withRSA are part of every JRE", e);
        }
    }

    /**
     * The first private key entry of a PKCS#12 file.
     *
     * @throws IllegalArgumentException with a clear message (wrong password, no key entry, not RSA, not PKCS#12)
     */
    public static KeyAndCertificate fromPkcs12(byte[] pkcs12, char[] password) {
        Objects.requireNonNull(pkcs12, "pkcs12");
        Objects.requireNonNull(password, "password");
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKCS12 is part of every JRE", e);
        }
        try {
            store.load(new ByteArrayInputStream(pkcs12), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("The PKCS#12 password is wrong (or the file is damaged).", e);
            }
            throw new IllegalArgumentException("This is not a PKCS#12 (.p12/.pfx) file, or it is damaged.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "The PKCS#12 file cannot be read: " + e.getClass().getSimpleName()
                            + ". Is it a PKCS#12 (.p12/.pfx) file?",
                    e);
        }
        try {
            for (var alias : Collections.list(store.aliases())) {
                if (store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
                    return keyEntry(store, alias, password);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "The PKCS#12 file cannot be read: " + e.getClass().getSimpleName() + ".", e);
        }
        throw new IllegalArgumentException("The PKCS#12 file holds no private key entry, only certificates or "
                + "secret keys. Export it together with its private key.");
    }

    private static KeyAndCertificate keyEntry(KeyStore store, String alias, char[] password)
            throws GeneralSecurityException {
        PrivateKey key;
        try {
            key = (PrivateKey) store.getKey(alias, password);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException(
                    "The private key in the PKCS#12 file (alias '" + alias
                            + "') has a password other than the file's; use the same password for both.",
                    e);
        }
        if (!(key instanceof RSAPrivateKey rsaKey)) {
            throw new IllegalArgumentException("The private key in the PKCS#12 file (alias '" + alias + "') is "
                    + key.getAlgorithm() + "; Scalepoint needs an RSA key.");
        }
        if (!(store.getCertificate(alias) instanceof X509Certificate certificate)) {
            throw new IllegalArgumentException(
                    "The private key in the PKCS#12 file (alias '" + alias + "') has no X.509 certificate.");
        }
        if (!(certificate.getPublicKey() instanceof RSAPublicKey publicKey)
                || !publicKey.getModulus().equals(rsaKey.getModulus())) {
            throw new IllegalArgumentException(
                    "The certificate in the PKCS#12 file (alias '" + alias + "') does not belong to its private key.");
        }
        return new KeyAndCertificate(key, certificate);
    }

    /** SHA-1 of the DER certificate as upper-case hex (what Scalepoint calls the thumbprint; used as JWT "kid"). */
    public static String thumbprint(X509Certificate certificate) {
        return HexFormat.of().withUpperCase().formatHex(sha1(certificate));
    }

    /** base64url (no padding) of the SHA-1 of the DER certificate (JWT "x5t"). */
    public static String x5t(X509Certificate certificate) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha1(certificate));
    }

    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate cannot be DER-encoded.", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not an X.509 certificate */
    public static X509Certificate certificate(byte[] der) {
        Objects.requireNonNull(der, "der");
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("These bytes are not a DER-encoded X.509 certificate.", e);
        }
    }

    public static byte[] pkcs8(PrivateKey key) {
        var encoded = key.getEncoded();
        if (encoded == null || !"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("The " + key.getAlgorithm() + " private key cannot be exported as "
                    + "PKCS#8 (format " + key.getFormat() + ").");
        }
        return encoded;
    }

    /** @throws IllegalArgumentException when the bytes are not an RSA private key in PKCS#8 */
    public static PrivateKey privateKey(byte[] pkcs8) {
        Objects.requireNonNull(pkcs8, "pkcs8");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("These bytes are not an RSA private key in PKCS#8 encoding.", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JRE", e);
        }
    }

    private static byte[] sha1(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(der(certificate));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JRE", e);
        }
    }

    /** Positive, at most 159 bits, so that it fits the 20 octets RFC 5280 allows, and never zero. */
    private static BigInteger serial() {
        return new BigInteger(158, RANDOM).add(BigInteger.ONE);
    }
}
