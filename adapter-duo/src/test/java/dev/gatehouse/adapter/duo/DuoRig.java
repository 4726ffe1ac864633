package dev.gatehouse.adapter.duo;

import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A running duo-simulator over HTTPS plus what a gateway needs to reach it: CA file and settings. */
final class DuoRig implements AutoCloseable {
  final DuoSimulator simulator;
  final Path caFile;
  final DuoSettings settings;

  private DuoRig(DuoSimulator simulator) {
    this.simulator = simulator;
    try {
      this.caFile = simulator.writeCaPem(Files.createTempFile("duosim-ca", ".pem"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.settings = settings(simulator.integrationKey(), simulator.secretKey());
  }

  static DuoRig start(Scenario scenario) {
    return new DuoRig(DuoSimulator.start(scenario));
  }

  DuoSettings settings(String integrationKey, String secretKey) {
    return new DuoSettings(new ApiHostname(simulator.apiHostname()), new IntegrationKey(integrationKey),
        new DuoSecretKey(secretKey));
  }

  DuoConfig config() {
    return DuoConfig.defaults().withCaFile(caFile);
  }

  DuoSecondFactorGateway gateway() {
    return gateway(config());
  }

  DuoSecondFactorGateway gateway(DuoConfig config) {
    return gateway(config, Clock.systemUTC(), null);
  }

  DuoSecondFactorGateway gateway(DuoConfig config, Clock clock, DuoSleeper sleeper) {
    return new DuoSecondFactorGateway(
        new DuoConnections(config, clock, DuoBackoff.official(), sleeper, DuoRequestListener.NONE));
  }

  @Override
  public void close() {
    simulator.close();
    try {
      Files.deleteIfExists(caFile);
    } catch (IOException ignored) {
      // A temp file; the OS cleans up.
    }
  }

  /** A sleeper that records each wait, moves a clock by it, and returns at once. */
  /** Reads an HTTP request's or answer's head, up to and including its blank line, as raw servers in tests see it. */
  static String requestHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  static final class RecordingSleeper implements DuoSleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final dev.gatehouse.application.fake.MutableClock clock;

    RecordingSleeper(dev.gatehouse.application.fake.MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> sleep(Duration duration) {
      waits.add(duration);
      if (clock != null) {
        clock.advance(duration);
      }
      return CompletableFuture.completedFuture(null);
    }
  }
}
