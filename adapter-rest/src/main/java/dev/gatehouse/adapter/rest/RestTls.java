package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.common.Require;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTPS for the REST server: a certificate chain PEM (the server's certificate first) and its
 * unencrypted PKCS#8 private key PEM, read again on every {@link #keyStore()} so that a reload
 * picks up replaced files.
 */
public record RestTls(Path certificateChain, Path privateKey) {
  /** The in-memory key store's password: it never leaves this process. */
  static final String KEY_STORE_PASSWORD = "gatehouse";
  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

  public RestTls {
    Require.notNull("certificateChain", certificateChain);
    Require.notNull("privateKey", privateKey);
  }

  /** A file that cannot serve: which one, and why in plain words (never the key's content). */
  public static final class InvalidFileException extends RuntimeException {
    private final Path file;
    private final boolean key;

    InvalidFileException(Path file, boolean key, String reason) {
      super(file + ": " + reason);
      this.file = file;
      this.key = key;
    }

    public Path file() {
      return file;
    }

    /** Whether the private key file is at fault (else the certificate chain file). */
    public boolean isKey() {
      return key;
    }
  }

  /** Reads both files into a key store holding one entry; fails with {@link InvalidFileException}. */
  public KeyStore keyStore() {
    List<X509Certificate> chain = readChain();
    PrivateKey key = readKey();
    requireMatch(key, chain.get(0));
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("gatehouse", key, KEY_STORE_PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidFileException(certificateChain, false, "cannot be used: " + e.getMessage());
    }
  }

  private List<X509Certificate> readChain() {
    byte[] pem = read(certificateChain, false);
    try {
      List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem)).stream()
          .map(X509Certificate.class::cast).toList();
      if (chain.isEmpty()) {
        throw new InvalidFileException(certificateChain, false, "holds no PEM certificate");
      }
      return chain;
    } catch (CertificateException e) {
      throw new InvalidFileException(certificateChain, false, "is not a PEM certificate chain");
    }
  }

  private PrivateKey readKey() {
    String pem = new String(read(privateKey, true), StandardCharsets.US_ASCII);
    Matcher matcher = PRIVATE_KEY.matcher(pem);
    if (!matcher.find()) {
      throw new InvalidFileException(privateKey, true,
          "is not an unencrypted PKCS#8 private key PEM (-----BEGIN PRIVATE KEY-----)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(matcher.group(1));
    } catch (IllegalArgumentException e) {
      throw new InvalidFileException(privateKey, true, "is not valid base64 PEM");
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
        // try the next algorithm
      }
    }
    throw new InvalidFileException(privateKey, true, "is not a PKCS#8 RSA, EC or EdDSA private key");
  }

  /** Signs and verifies a probe: a key that does not belong to the certificate would fail every handshake. */
  private void requireMatch(PrivateKey key, X509Certificate certificate) {
    PublicKey publicKey = certificate.getPublicKey();
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> key.getAlgorithm();
    };
    try {
      byte[] probe = "gatehouse".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // reported below
    }
    throw new InvalidFileException(privateKey, true, "does not match the certificate in " + certificateChain);
  }

  private static byte[] read(Path file, boolean key) {
    try {
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidFileException(file, key, "no such file");
    } catch (IOException e) {
      throw new InvalidFileException(file, key, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
