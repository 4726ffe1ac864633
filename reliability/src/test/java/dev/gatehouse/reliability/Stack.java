package dev.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One whole Gatehouse for a fault test, every part a child process of the packaged
 * {@code gatehouse.jar}: the Duo simulator (HTTPS with a certificate made here), a data directory
 * whose embedded PostgreSQL {@code serve} starts, an administrator made with the CLI, and as many
 * {@code serve} nodes as the test starts. Logs stay under {@code target/reliability/}.
 */
final class Stack implements AutoCloseable {
  static final Pattern LISTENING = Pattern.compile("on https?://[^:]+:(\\d+) ");
  private static final Pattern READY_JSON = Pattern.compile("^\\{\"apiHostname\".*\\}$");
  static final Duration START = Duration.ofSeconds(120);

  /** A Duo integration the simulator serves. */
  record Duo(String apiHostname, String integrationKey, String secretKey) {
    String mfa(String failmode) {
      return "{\"apiHostname\":\"" + apiHostname + "\",\"integrationKey\":\"" + integrationKey + "\",\"secretKey\":\""
          + secretKey + "\",\"failmode\":\"" + failmode + "\"}";
    }
  }

  /** A {@code serve} node and its base URL. */
  record Node(Child child, String base) {}

  final Path work;
  final Path data;
  final Path cert;
  final Path key;
  final Http http;
  final Child simulator;
  final Duo duo;
  final String admin;
  private final List<Child> children = new ArrayList<>();
  private int nodes;

  private Stack(Path work) throws Exception {
    this.work = work;
    this.data = work.resolve("data");
    this.cert = work.resolve("duo-cert.pem");
    this.key = work.resolve("duo-key.pem");
    certificate(cert, key);
    this.http = new Http(cert);
    this.simulator = track(Child.start("simulator", List.of(java(), "-Xmx256m", "-cp", jar().toString(),
        "dev.gatehouse.duosim.Main", "--port", "0", "--cert", cert.toString(), "--key", key.toString()),
        work.resolve("simulator.log")));
    JsonNode ready = Http.JSON.readTree(simulator.await(READY_JSON, START).group());
    this.duo = new Duo(ready.get("apiHostname").asText(), ready.get("integrationKey").asText(),
        ready.get("secretKey").asText());
    this.admin = administrator();
  }

  /** A stack in a fresh directory named after the test. */
  static Stack start(String name) throws Exception {
    Path work = Path.of(System.getProperty("user.dir"), "target", "reliability",
        name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss")));
    return new Stack(Files.createDirectories(work));
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("gatehouse.jar", "../bootstrap/target/gatehouse.jar"));
    assertThat(jar).as("the packaged executable (the reactor builds bootstrap first)").exists();
    return jar;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A size from {@code -Dreliability.<name>=N}, else the CI default. */
  static int size(String name, int ciDefault) {
    return Integer.getInteger("reliability." + name, ciDefault);
  }

  /** A self-signed certificate for 127.0.0.1 and localhost, with its PKCS#8 key. */
  static void certificate(Path cert, Path key) throws Exception {
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(),
        "-out", cert.toString()).redirectErrorStream(true).redirectOutput(cert.resolveSibling("openssl.log").toFile())
        .start();
    assertThat(openssl.waitFor()).as("openssl made the simulator's certificate").isZero();
  }

  private Child track(Child child) {
    children.add(child);
    return child;
  }

  private String administrator() throws Exception {
    assertThat(cli("user", "add", "chief").waitFor(START)).as("user add chief").isZero();
    Child issue = cli("token", "issue", "chief", "--json");
    assertThat(issue.waitFor(START)).as("token issue").isZero();
    String json = issue.lines().stream().filter(l -> l.startsWith("{")).findFirst()
        .orElseThrow(() -> new AssertionError("no token in " + issue.log()));
    return Http.JSON.readTree(json).get("token").asText();
  }

  /** A CLI command on the data directory, as the administrator. */
  Child cli(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString(), "--data-dir", data.toString(),
        "--user=chief"));
    command.addAll(Arrays.asList(args));
    return Child.start("cli-" + args[0], command, work.resolve("cli-" + String.join("-", args) + ".log"));
  }

  /** Starts a {@code serve} node on the data directory and waits until it listens. */
  Node serve() throws Exception {
    String name = "serve-" + (++nodes);
    Child child = track(Child.start(name, List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar().toString(),
        "--data-dir", data.toString(), "--duo-ca-file", cert.toString(), "serve", "--port", "0"),
        work.resolve(name + ".log")));
    return new Node(child, "http://127.0.0.1:" + child.await(LISTENING, START).group(1));
  }

  /**
   * Starts another simulator, on {@code port} (0: any), with the stack's certificate or its own,
   * and any further options of the simulator's command line.
   */
  Child simulator(String name, int port, boolean trusted, String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx128m", "-cp", jar().toString(),
        "dev.gatehouse.duosim.Main", "--port", Integer.toString(port)));
    command.addAll(Arrays.asList(options));
    if (trusted) {
      command.addAll(List.of("--cert", cert.toString(), "--key", key.toString()));
    } else {
      command.addAll(List.of("--cert-out", work.resolve(name + "-own-cert.pem").toString()));
    }
    return track(Child.start(name, command, work.resolve(name + ".log")));
  }

  static Duo duoOf(Child simulator) throws Exception {
    JsonNode ready = Http.JSON.readTree(simulator.await(READY_JSON, START).group());
    return new Duo(ready.get("apiHostname").asText(), ready.get("integrationKey").asText(),
        ready.get("secretKey").asText());
  }

  /** A call to the main simulator's control API. */
  JsonNode sim(String method, String path, String body) {
    return sim(duo, method, path, body);
  }

  JsonNode sim(Duo at, String method, String path, String body) {
    return http.call(method, "https://" + at.apiHostname() + path, null, body).expect(200).json();
  }

  /** Bulk simulator users {@code prefix00001…}, each with one phone whose pushes are approved at once or held. */
  void simUsers(Duo at, String prefix, int count, String push) {
    sim(at, "POST", "/_sim/users/bulk", "{\"prefix\":\"" + prefix + "\",\"count\":" + count + ",\"push\":\"" + push
        + "\"}");
  }

  static String user(String prefix, int index) {
    return String.format(Locale.ROOT, "%s%05d", prefix, index + 1);
  }

  /** Creates a workspace using {@code at}'s Duo integration under {@code failmode}. */
  void workspace(Node node, String name, Duo at, String failmode) {
    http.call("POST", node.base() + "/api/v1/workspaces", admin, "{\"name\":\"" + name + "\"}").expect(201);
    http.call("PUT", node.base() + "/api/v1/workspaces/" + name + "/mfa", admin, at.mfa(failmode)).expect(200);
  }

  /**
   * Users {@code prefix00001…} (already at the simulator, pushes approved at once) as Gatehouse
   * users with a token each, members of every workspace named, each with an approved push device
   * choice there. Returns the tokens, in order.
   */
  List<String> members(Node node, String prefix, int count, String... workspaces) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> tokens = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = user(prefix, i);
        tokens.add(pool.submit(() -> member(node, name, workspaces)));
      }
      List<String> out = new ArrayList<>();
      for (Future<String> token : tokens) {
        out.add(token.get(10, TimeUnit.MINUTES));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private String member(Node node, String name, String... workspaces) {
    String base = node.base();
    http.call("POST", base + "/api/v1/users", admin, "{\"name\":\"" + name + "\"}").expect(201);
    String token = http.call("POST", base + "/api/v1/users/" + name + "/tokens", admin, null).expect(201).json()
        .get("token").asText();
    for (String ws : workspaces) {
      http.call("PUT", base + "/api/v1/workspaces/" + ws + "/members/" + name, admin, null).expect(200, 201);
      String self = http.call("PUT", base + "/api/v1/workspaces/" + ws + "/duo/enrollment", token,
          "{\"method\":\"push\"}").expect(202).json().at("/challenge/links/self").asText();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (true) {
        String state = http.call("GET", base + self + "?waitSeconds=5", token, null).expect(200).json()
            .path("state").asText();
        if (state.equals("approved")) {
          break;
        }
        assertThat(state).as("device choice of " + name).isEqualTo("pending");
        assertThat(System.nanoTime()).as("device choice of " + name + " in time").isLessThan(deadline);
      }
    }
    return token;
  }

  /** One unlock of {@code workspace} per token on the node, each answered 202; returns the challenge ids, in order. */
  List<String> startUnlocks(Node on, String workspace, List<String> tokens) throws Exception {
    List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
    for (String token : tokens) {
      answers.add(http.send("POST", on.base() + "/api/v1/workspaces/" + workspace + "/unlock", token, null,
          Duration.ofSeconds(60)));
    }
    List<String> ids = new ArrayList<>();
    for (CompletableFuture<Http.Answer> answer : answers) {
      ids.add(answer.get(90, TimeUnit.SECONDS).expect(202).json().at("/challenge/id").asText());
    }
    return ids;
  }

  /** Long polls a challenge until it is final, then claims its session; completes with "claimed" or what went wrong. */
  CompletableFuture<String> settle(String base, String id, String token, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    return http.send("GET", base + "/api/v1/challenges/" + id + "?waitSeconds=10", token, null,
        Duration.ofSeconds(40)).thenCompose(answer -> {
          if (answer.status() != 200) {
            return CompletableFuture.completedFuture("GET answered " + answer.status());
          }
          JsonNode view = answer.json();
          String state = view.path("state").asText();
          if (state.equals("pending") && System.nanoTime() < deadline) {
            return settle(base, id, token, Duration.ofNanos(deadline - System.nanoTime()));
          }
          if (!state.equals("approved")) {
            return CompletableFuture.completedFuture(state);
          }
          String link = view.at("/links/session").asText("");
          if (link.isEmpty()) {
            return CompletableFuture.completedFuture("approved without links.session");
          }
          return http.send("POST", link.startsWith("http") ? link : base + link, token, null,
              Duration.ofSeconds(30)).thenApply(claim -> claim.status() / 100 == 2
                  && !claim.json().at("/token").asText(claim.json().at("/session/token").asText("")).isEmpty()
                  ? "claimed" : "claim answered " + claim.status());
        });
  }

  // ---- what the simulator and the nodes hold -----------------------------------------------------

  /** The most {@code auth_status} long polls parked at once for any one pending transaction at {@code at}. */
  int mostParkedPerTransaction(Duo at) {
    int most = 0;
    for (JsonNode tx : sim(at, "GET", "/_sim/transactions?pending=true", null)) {
      most = Math.max(most, tx.path("parkedRequests").asInt());
    }
    return most;
  }

  /** The {@code auth_status} requests {@code at} has received so far. */
  long authStatusRequests(Duo at) {
    JsonNode requests = sim(at, "GET", "/_sim/counters", null).path("requests");
    long total = 0;
    for (var field : requests.properties()) {
      if (field.getKey().contains("auth_status")) {
        total += field.getValue().asLong();
      }
    }
    return total;
  }

  /** The live threads of a process, from {@code /proc/<pid>/task}. */
  static int threads(long pid) throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      return (int) tasks.count();
    }
  }

  // ---- the embedded PostgreSQL ------------------------------------------------------------------

  /** The running postmaster's pid, or -1 when there is none. */
  long postmaster() {
    try {
      return Long.parseLong(Files.readAllLines(data.resolve("pg").resolve("postmaster.pid")).get(0).strip());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Runs a query on the embedded PostgreSQL (a connection of its own) and returns its rows as strings. */
  List<List<String>> query(String sql) throws Exception {
    List<String> pid = Files.readAllLines(data.resolve("pg").resolve("postmaster.pid"));
    Properties credentials = new Properties();
    credentials.setProperty("user", "postgres");
    credentials.setProperty("password", Files.readString(data.resolve("pg.password")).strip());
    try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip()
        + "/gatehouse", credentials); Statement statement = db.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      List<List<String>> out = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(rows.getString(c));
        }
        out.add(row);
      }
      return out;
    }
  }

  // ---- figures ----------------------------------------------------------------------------------

  /** Appends a line to the run's figures ({@code target/reliability-figures.md}) and prints it. */
  static void figure(String line) {
    System.out.println("[reliability] " + line);
    try {
      Path file = Path.of(System.getProperty("reliability.figures", "target/reliability-figures.md"));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  @Override
  public void close() {
    http.close();
    for (int i = children.size() - 1; i >= 0; i--) {
      children.get(i).close();
    }
    // A postmaster started by a node that was killed may outlive every node: never leave it running.
    long postmaster = postmaster();
    if (postmaster > 0) {
      ProcessHandle.of(postmaster).ifPresent(p -> {
        System.out.println("[reliability] stopping the embedded PostgreSQL left running (pid " + postmaster + ")");
        signal("INT", postmaster);
      });
    }
  }

  /** Sends a signal to a process; false when it is gone. */
  static boolean signal(String name, long pid) {
    try {
      return new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
