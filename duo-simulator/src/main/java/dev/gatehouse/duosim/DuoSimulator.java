package dev.gatehouse.duosim;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A running Duo Auth API v2 simulator on loopback, over HTTPS with its own certificate; start one per
 * test (or per suite) and {@link #close()} it.
 */
public final class DuoSimulator implements AutoCloseable {

  /** The prefix of every thread the simulator starts (besides the JDK server's dispatcher). */
  public static final String THREAD_PREFIX = "duosim-";

  private static final long TICK_MILLIS = 50;
  private static final System.Logger LOG = System.getLogger(DuoSimulator.class.getName());
  /** The JDK server's switch for TCP_NODELAY on accepted connections (read once, by its first server). */
  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
  /** How many idle keep-alive connections the JDK server keeps before closing ones that turn idle. */
  static final String MAX_IDLE_PROPERTY = "sun.net.httpserver.maxIdleConnections";

  static {
    // The JDK HttpServer writes the status line and headers in one flush and the body in another.
    // With Nagle's algorithm on (the JDK default) the body waits for the ACK of the headers, which
    // the client delays by ~40 ms: every answer took ~44 ms on an idle loopback instead of ~1 ms.
    // The server reads this property when its first instance in the JVM is created, so it is set
    // here, before ours; an explicit -Dsun.net.httpserver.nodelay=... is left alone.
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
    // Above 200 idle connections (the JDK default) the server closes each connection as it turns
    // idle, racing a client that reuses it at that moment: the client's next POST then fails with
    // "header parser received no bytes". A Duo peer under load tests keeps them, as Duo would.
    if (System.getProperty(MAX_IDLE_PROPERTY) == null) {
      System.setProperty(MAX_IDLE_PROPERTY, "20000");
    }
  }

  private final Scenario scenario;
  private final HttpServer server;
  private final Tls tls;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService timer;
  private final SimulatorControl control;
  private final boolean https;

  private DuoSimulator(Builder b) {
    this.scenario = b.scenario;
    this.https = !b.plainHttp;
    this.tls = b.certificate != null ? Tls.fromPem(b.certificate, b.privateKey)
        : Tls.selfSigned(scenario.apiHostname() == null ? List.of()
            : List.of(SignatureVerifier.stripPort(scenario.apiHostname())));
    SimState state = new SimState(scenario, new SimClock(Clock.systemUTC()));
    this.control = new SimulatorControl(state);
    this.workers = new ThreadPoolExecutor(b.workerThreads, b.workerThreads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), threads("worker"));
    this.timer = Executors.newSingleThreadScheduledExecutor(threads("timer"));
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port);
      if (https) {
        HttpsServer s = HttpsServer.create(address, 4096);
        s.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        this.server = s;
      } else {
        this.server = HttpServer.create(address, 4096);
      }
    } catch (IOException e) {
      workers.shutdownNow();
      timer.shutdownNow();
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + b.port, e);
    }
    List<String> hosts = new ArrayList<>();
    if (scenario.apiHostname() != null) {
      hosts.add(scenario.apiHostname());
    }
    SignatureVerifier verifier = new SignatureVerifier(state::integration, state.clock::now,
        scenario::dateWindowSeconds, scenario.signatureVersions(), hosts);
    AuthApi api = new AuthApi(state, this::apiHostname);
    server.createContext("/", new HttpFront(state, verifier, api, new ControlApi(control, state), workers, timer));
    server.setExecutor(workers);
    server.start();
    timer.scheduleWithFixedDelay(() -> {
      try {
        state.advance();
      } catch (RuntimeException e) {
        // A failing tick must not cancel the schedule (that would freeze every pending push).
        LOG.log(System.Logger.Level.WARNING, "simulator tick failed", e);
      }
    }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  private static ThreadFactory threads(String role) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, THREAD_PREFIX + role + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts a simulator for {@code scenario} on an ephemeral loopback port with a fresh certificate. */
  public static DuoSimulator start(Scenario scenario) {
    return builder(scenario).start();
  }

  public static Builder builder(Scenario scenario) {
    return new Builder(scenario);
  }

  /** {@code 127.0.0.1:port} unless the scenario names another API hostname: what clients call the host. */
  public String apiHostname() {
    return scenario.apiHostname() != null ? scenario.apiHostname() : host() + ":" + port();
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code https://127.0.0.1:port} (or {@code http://} when started with plain HTTP). */
  public URI baseUri() {
    return URI.create((https ? "https" : "http") + "://127.0.0.1:" + port());
  }

  public String integrationKey() {
    return scenario.authApiIntegration().integrationKey();
  }

  public String secretKey() {
    return scenario.authApiIntegration().secretKey();
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The server certificate (chain) as PEM, for clients to trust. */
  public String caPem() {
    return tls.pem();
  }

  /** Writes {@link #caPem()} to a file and returns the file. */
  public Path writeCaPem(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, caPem(), StandardCharsets.US_ASCII);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The one JSON line announcing a running simulator: its API hostname, integration key, secret
   * key and the file holding its certificate.
   */
  public String readyLine(Path caFile) {
    Map<String, String> ready = new LinkedHashMap<>();
    ready.put("apiHostname", apiHostname());
    ready.put("integrationKey", integrationKey());
    ready.put("secretKey", secretKey());
    ready.put("caFile", caFile.toAbsolutePath().toString());
    try {
      return Json.MAPPER.writeValueAsString(ready);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client TLS context that trusts this simulator's certificate and nothing else. */
  public SSLContext sslContext() {
    return tls.clientContext();
  }

  public SimulatorControl control() {
    return control;
  }

  /** Stops listening at once; parked requests are dropped. */
  @Override
  public void close() {
    server.stop(0);
    timer.shutdownNow();
    workers.shutdownNow();
  }

  /** Options for {@link DuoSimulator}: port, supplied certificate, plain HTTP for unit tests. */
  public static final class Builder {
    private final Scenario scenario;
    private int port;
    private Path certificate;
    private Path privateKey;
    private boolean plainHttp;
    private int workerThreads = 4;

    private Builder(Scenario scenario) {
      if (scenario == null) {
        throw new IllegalArgumentException("scenario is required");
      }
      this.scenario = scenario;
    }

    /** The loopback port (default 0: any free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Serve this PEM certificate (chain) and PEM private key instead of a generated one. */
    public Builder certificate(Path certificatePem, Path privateKeyPem) {
      this.certificate = certificatePem;
      this.privateKey = privateKeyPem;
      return this;
    }

    /** Serve plain HTTP instead of HTTPS (for unit and load tests only; Duo clients need HTTPS). */
    public Builder plainHttp(boolean plain) {
      this.plainHttp = plain;
      return this;
    }

    /** Threads that read requests and write answers (default 4); parked requests use none. */
    public Builder workerThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("at least one worker thread");
      }
      this.workerThreads = threads;
      return this;
    }

    public DuoSimulator start() {
      return new DuoSimulator(this);
    }
  }
}
