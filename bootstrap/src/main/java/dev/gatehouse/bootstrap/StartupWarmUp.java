package dev.gatehouse.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import javax.crypto.Mac;
import javax.net.ssl.SSLContext;

/**
 * Loads, on the spare core, what a command needs once storage is up (the injector's machinery,
 * JSON, the TLS stack and the signature's HMAC) while the main thread attaches to the database: a short
 * command spends most of its life loading classes (docs/benchmarks.md, CLI start-up). Best effort:
 * a failure here is ignored, since the main thread loads whatever it needs anyway.
 */
final class StartupWarmUp {
  private StartupWarmUp() {}

  static void begin() {
    Thread thread = new Thread(StartupWarmUp::load, "gatehouse-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void load() {
    try {
      Guice.createInjector();
      new ObjectMapper().readTree("{\"warm\":[1,true,null,\"up\"]}");
      SSLContext.getDefault().createSSLEngine().getSupportedCipherSuites();
      Mac.getInstance("HmacSHA512");
    } catch (Exception | LinkageError e) {
      // Best effort only.
    }
  }
}
