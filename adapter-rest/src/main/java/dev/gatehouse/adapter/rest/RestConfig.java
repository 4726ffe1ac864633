package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import java.util.Optional;

/**
 * How the REST server listens: bind address, port (0 picks a free one), the largest request body
 * it reads, the size of its request thread pool and, when given, the certificate it serves HTTPS
 * (HTTP/2 and HTTP/1.1) with instead of plain HTTP.
 */
public record RestConfig(String bindAddress, int port, long maxBodyBytes, int maxThreads, Optional<RestTls> tls) {
  /** Request bodies above this many bytes are refused with 413. */
  public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  /** Request threads; waiting long polls hold none of them. */
  public static final int DEFAULT_MAX_THREADS = 64;

  public RestConfig {
    Require.notBlank("bindAddress", bindAddress);
    Require.inRange("port", port, 0, 65535);
    if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
      throw new InvalidValueException("maxBodyBytes", "must be between 1024 and 16777216");
    }
    Require.inRange("maxThreads", maxThreads, 8, 1000);
    Require.notNull("tls", tls);
  }

  /** Plain HTTP. */
  public RestConfig(String bindAddress, int port, long maxBodyBytes, int maxThreads) {
    this(bindAddress, port, maxBodyBytes, maxThreads, Optional.empty());
  }

  /** The same, serving HTTPS with this certificate and key. */
  public RestConfig withTls(RestTls certificate) {
    return new RestConfig(bindAddress, port, maxBodyBytes, maxThreads, Optional.of(certificate));
  }

  /** Listens on the address and port with the default body limit and thread pool. */
  public static RestConfig of(String bindAddress, int port) {
    return new RestConfig(bindAddress, port, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_THREADS);
  }

  /** The product's default: 127.0.0.1:8080. */
  public static RestConfig defaults() {
    return of("127.0.0.1", 8080);
  }
}
