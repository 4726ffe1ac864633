package dev.gatehouse.adapter.duo;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import java.util.Objects;

/**
 * Binds {@link SecondFactorGateway} to Duo's Auth API v2. Building the gateway does no I/O: the
 * HTTP client, the TLS trust and each credential's client are created on first use, and every
 * thread they start is a daemon of a fixed pool ({@link DuoTransport}).
 */
public final class DuoModule extends AbstractModule {
  private final DuoConfig config;
  private final DuoRequestListener listener;

  public DuoModule(DuoConfig config) {
    this(config, DuoRequestListener.NONE);
  }

  /** Reports each request to Duo and each 429 back-off to {@code listener} (metrics). */
  public DuoModule(DuoConfig config, DuoRequestListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Provides
  @Singleton
  SecondFactorGateway secondFactorGateway() {
    return DuoSecondFactorGateway.create(config, listener);
  }
}
