package dev.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole-stack benchmark of issue 15: the packaged {@code gatehouse.jar} as the simulator and one
 * or two {@code serve} nodes on one embedded PostgreSQL, users set up over REST, then approved-unlock
 * latency against its floor, throughput with each process's CPU share, and a node holding thousands
 * of pending pushes with a long-polling client each. Prints a markdown report; see docs/benchmarks.md.
 */
public final class Benchmark {
  private static final Pattern LISTENING = Pattern.compile("on https?://[^:]+:(\\d+) ");
  private static final Pattern READY_JSON = Pattern.compile("^\\{\"apiHostname\".*\\}$");
  private static final int POLL_SECONDS = 25;
  private static final String USER_PREFIX = "bench";
  private static final String FLOOR_PREFIX = "floor";
  /** The longest challenge lifetime a workspace may have, so that held pushes stay pending while thousands open. */
  private static final int CHALLENGE_LIFETIME_SECONDS = 900;
  /** Capacity rows are taken at these sizes (those up to --pending) and at --pending. */
  private static final List<Integer> CAPACITY_STAGES = List.of(100, 1_000, 10_000);
  /** A second node starts cold: its first unlocks pay for class loading and JIT, outside the window. */
  private static final int TWO_NODE_EXTRA_WARM_UP_SECONDS = 10;
  /** Unlocks opened at a time in the capacity phase; the next batch starts while the previous one still opens. */
  private static final int OPEN_BATCH = 100;

  private final Options o;
  private final Report report = new Report();
  private final Path work;
  private final Path data;
  private final Rest rest = new Rest(4);
  private Child simulator;
  private Child nodeA;
  private Child nodeB;
  private String baseA;
  private String baseB;
  private String simBase;
  private JsonNode duo;
  private Path caFile;
  private String admin;
  private long postmaster;
  private final List<String> tokens = new ArrayList<>();
  private boolean tornDown;
  private boolean failed;

  private Benchmark(Options options) throws IOException {
    this.o = options;
    this.work = options.work != null ? Files.createDirectories(options.work)
        : Files.createTempDirectory("gatehouse-bench-");
    this.data = work.resolve("data");
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("benchmark: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(Options.USAGE);
      return;
    }
    Benchmark bench = new Benchmark(options);
    Thread hook = new Thread(bench::teardown, "bench-teardown");
    Runtime.getRuntime().addShutdownHook(hook);
    long started = System.nanoTime();
    try {
      bench.run();
    } catch (Exception e) {
      bench.failed = true;
      bench.report.note("**The run stopped early**: " + rootMessage(e));
      bench.keepTrace("the run", e);
    } finally {
      bench.teardown();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    bench.report.note(String.format(Locale.ROOT, "Whole run (set-up, phases, teardown): %.0f s.",
        (System.nanoTime() - started) / 1e9));
    String text = bench.report.render();
    System.out.println(text);
    if (options.reportFile != null) {
      Files.writeString(options.reportFile, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    System.exit(bench.failed ? 1 : 0);
  }

  private void run() throws Exception {
    report.title(String.format(Locale.ROOT, "Whole-stack run %s: %d cores, %s, serve -Xmx%s, %s",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        o.serveHeap, o.describe()));
    log("work directory " + work);
    startSimulator();
    createAdministrator();
    nodeA = startServe("serve-a");
    baseA = "http://127.0.0.1:" + nodeA.await(LISTENING, Duration.ofSeconds(120)).group(1);
    postmaster = Long.parseLong(Files.readAllLines(data.resolve("pg").resolve("postmaster.pid")).get(0).strip());
    setUp();
    if (o.phases.contains("latency")) {
      phase("latency", this::latency);
    }
    if (o.phases.contains("throughput")) {
      phase("throughput", this::throughput);
    }
    if (o.phases.contains("capacity")) {
      phase("capacity", this::capacity);
    }
  }

  private interface Phase {
    void run() throws Exception;
  }

  private void phase(String name, Phase phase) {
    long start = System.nanoTime();
    log("phase " + name);
    try {
      phase.run();
    } catch (Exception e) {
      failed = true;
      report.note("**Phase " + name + " failed**: " + rootMessage(e));
      keepTrace("phase " + name, e);
    }
    log(String.format(Locale.ROOT, "phase %s took %.0f s", name, (System.nanoTime() - start) / 1e9));
  }

  // ---- set-up ------------------------------------------------------------------------------------

  private void startSimulator() throws Exception {
    caFile = work.resolve("duo-ca.pem");
    simulator = Child.start("simulator", List.of(java(), "-Xmx1g", "-cp", o.jar.toString(),
        "dev.gatehouse.duosim.Main", "--port", "0", "--push-timeout", Integer.toString(o.pushTimeoutSeconds),
        "--cert-out", caFile.toString()), work.resolve("simulator.log"));
    duo = Rest.JSON.readTree(simulator.await(READY_JSON, Duration.ofSeconds(60)).group());
    simBase = "https://" + duo.get("apiHostname").asText();
    bulkUsers("approve");
    control("POST", "/_sim/users/bulk", "{\"prefix\":\"" + FLOOR_PREFIX + "\",\"count\":1,\"push\":\"approve\"}");
  }

  private void bulkUsers(String push) throws Exception {
    control("POST", "/_sim/users/bulk", "{\"prefix\":\"" + USER_PREFIX + "\",\"count\":" + o.users()
        + ",\"push\":\"" + push + "\"}");
  }

  /** The simulator's control API is HTTPS with its own certificate; the floor's client trusts it. */
  private JsonNode control(String method, String path, String body) throws Exception {
    return simControl().call(method, path, body);
  }

  private SimControl simControl;

  private SimControl simControl() throws Exception {
    if (simControl == null) {
      simControl = new SimControl(simBase, caFile);
    }
    return simControl;
  }

  private void createAdministrator() throws Exception {
    Child add = cli("user", "add", "benchadmin");
    if (add.waitFor(Duration.ofSeconds(120)) != 0) {
      throw new IllegalStateException("user add failed; see " + add.log());
    }
    Child issue = cli("token", "issue", "benchadmin", "--json");
    if (issue.waitFor(Duration.ofSeconds(120)) != 0) {
      throw new IllegalStateException("token issue failed; see " + issue.log());
    }
    String json = Files.readAllLines(issue.log()).stream().filter(l -> l.startsWith("{")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no token in " + issue.log()));
    admin = Rest.JSON.readTree(json).get("token").asText();
  }

  private Child cli(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", o.jar.toString(), "--data-dir", data.toString(),
        "--user=benchadmin"));
    command.addAll(Arrays.asList(args));
    return Child.start("cli-" + args[0], command, work.resolve("cli-" + String.join("-", args) + ".log"));
  }

  private Child startServe(String name) throws IOException {
    return Child.start(name, List.of(java(), "-Xmx" + o.serveHeap, "-jar", o.jar.toString(), "--data-dir",
        data.toString(), "--duo-ca-file", caFile.toString(), "serve", "--port", "0"), work.resolve(name + ".log"));
  }

  /** Workspaces with Duo, then users, tokens, memberships and an approved push device choice for each. */
  private void setUp() throws Exception {
    long start = System.nanoTime();
    int users = o.users();
    int workspaces = (users + o.membersPerWorkspace - 1) / o.membersPerWorkspace;
    String mfa = "{\"apiHostname\":\"" + duo.get("apiHostname").asText() + "\",\"integrationKey\":\""
        + duo.get("integrationKey").asText() + "\",\"secretKey\":\"" + duo.get("secretKey").asText()
        + "\",\"options\":{\"challengeLifetimeSeconds\":" + CHALLENGE_LIFETIME_SECONDS + "}}";
    for (int w = 0; w < workspaces; w++) {
      rest.call("POST", baseA + "/api/v1/workspaces", admin, "{\"name\":\"" + workspace(w) + "\"}").expect(201);
      rest.call("PUT", baseA + "/api/v1/workspaces/" + workspace(w) + "/mfa", admin, mfa).expect(200);
    }
    String[] issued = new String[users];
    ExecutorService pool = Executors.newFixedThreadPool(o.setupConcurrency);
    try {
      List<Future<?>> work = new ArrayList<>();
      AtomicInteger done = new AtomicInteger();
      for (int i = 0; i < users; i++) {
        int index = i;
        work.add(pool.submit(() -> {
          issued[index] = setUpUser(index);
          int n = done.incrementAndGet();
          if (n % 1000 == 0) {
            log("set up " + n + " users");
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get(30, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    tokens.addAll(Arrays.asList(issued));
    report.note(String.format(Locale.ROOT, "Set-up over REST: %d users in %d workspaces (%d members each, "
        + "challenge lifetime %d s), each with a push device choice approved: %.0f s (load average %s).", users,
        workspaces, o.membersPerWorkspace, CHALLENGE_LIFETIME_SECONDS, (System.nanoTime() - start) / 1e9,
        ProcStats.loadAverage()));
  }

  private String setUpUser(int index) {
    String name = user(index);
    String ws = workspace(index / o.membersPerWorkspace);
    rest.call("POST", baseA + "/api/v1/users", admin, "{\"name\":\"" + name + "\"}").expect(201);
    String token = rest.call("POST", baseA + "/api/v1/users/" + name + "/tokens", admin, null).expect(201).json()
        .get("token").asText();
    rest.call("PUT", baseA + "/api/v1/workspaces/" + ws + "/members/" + name, admin, null).expect(200, 201);
    String self = rest.call("PUT", baseA + "/api/v1/workspaces/" + ws + "/duo/enrollment", token,
        "{\"method\":\"push\"}").expect(202).json().at("/challenge/links/self").asText();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      String state = rest.call("GET", baseA + self + "?waitSeconds=5", token, null).expect(200).json()
          .path("state").asText();
      if (state.equals("approved")) {
        return token;
      }
      if (!state.equals("pending") || System.nanoTime() > deadline) {
        throw new IllegalStateException("device choice of " + name + " ended " + state);
      }
    }
  }

  private static String user(int index) {
    return String.format(Locale.ROOT, "%s%05d", USER_PREFIX, index + 1);
  }

  private static String workspace(int index) {
    return String.format(Locale.ROOT, "bench-ws-%04d", index + 1);
  }

  private String workspaceOf(int userIndex) {
    return workspace(userIndex / o.membersPerWorkspace);
  }

  // ---- phase 1: latency --------------------------------------------------------------------------

  private void latency() throws Exception {
    try (Floor floor = new Floor(duo.get("apiHostname").asText(), duo.get("integrationKey").asText(),
        duo.get("secretKey").asText(), caFile, data)) {
      String floorUser = String.format(Locale.ROOT, "%s%05d", FLOOR_PREFIX, 1);
      int warmUp = Math.max(10, o.latencyUnlocks / 10);
      List<Double> floorMs = new ArrayList<>();
      List<Double> restMs = new ArrayList<>();
      Unlock.Counters counters = new Unlock.Counters();
      for (int i = 0; i < warmUp + o.latencyUnlocks; i++) {
        // Alternating, so that both see the same machine.
        double f = floor.once(floorUser);
        double r = Unlock.run(rest, baseA, baseA, workspaceOf(0), tokens.get(0), POLL_SECONDS,
            Duration.ofSeconds(60), counters).get(90, TimeUnit.SECONDS).millis();
        if (i >= warmUp) {
          floorMs.add(f);
          restMs.add(r);
        }
      }
      double floorP50 = percentile(floorMs, 50);
      report.table("Approved-unlock latency, one client, sequential (after " + warmUp + " warm-up each; load "
          + "average " + ProcStats.loadAverage() + " at the end)",
          List.of("path", "unlocks", "p50 ms", "p95 ms", "p50 / floor"),
          List.of(
              List.of("floor: preauth + auth async + auth_status straight to the simulator, + 1 commit",
                  Integer.toString(floorMs.size()), ms(floorP50), ms(percentile(floorMs, 95)), "1.00"),
              List.of("REST: POST unlock → long poll → approved with session", Integer.toString(restMs.size()),
                  ms(percentile(restMs, 50)), ms(percentile(restMs, 95)),
                  String.format(Locale.ROOT, "**%.2f** (target ≤ 1.5)", percentile(restMs, 50) / floorP50))));
      report.note(String.format(Locale.ROOT, "Latency: %d of %d long polls were answered only at the end of their "
          + "%d s wait although the challenge was already decided (a missed wake-up).", counters.fullWaitDecided.get(),
          counters.polls.get(), POLL_SECONDS));
    }
  }

  // ---- phase 2: throughput -----------------------------------------------------------------------

  private void throughput() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    for (int clients : o.clients) {
      rows.add(throughputRow(clients, false));
    }
    if (o.twoNodeClients > 0) {
      nodeB = startServe("serve-b");
      baseB = "http://127.0.0.1:" + nodeB.await(LISTENING, Duration.ofSeconds(120)).group(1);
      try {
        rows.add(throughputRow(o.twoNodeClients, true));
      } finally {
        nodeB.close();
        nodeB = null;
      }
    }
    report.table(String.format(Locale.ROOT, "Throughput: approved unlocks, each client its own user, %d s per row "
        + "after %d s warm-up; CPU in %% of one core (%d cores)", o.seconds, o.warmUpSeconds,
        Runtime.getRuntime().availableProcessors()),
        List.of("nodes", "clients", "unlocks/s", "p50 ms", "p95 ms", "failed",
            "polls answered at the end of their " + POLL_SECONDS + " s wait: decided / pending", "serve CPU",
            "simulator CPU", "PostgreSQL CPU", "load generator CPU", "load average"), rows);
    if (o.twoNodeClients > 0) {
      report.note("Throughput through two nodes: each client's unlock starts on one node and its long polls go to "
          + "the other, so every approval reaches the waiting client through the other node's signal; node B gets "
          + (o.warmUpSeconds + TWO_NODE_EXTRA_WARM_UP_SECONDS) + " s of warm-up (a cold JVM) before the window.");
    }
  }

  private List<String> throughputRow(int clients, boolean twoNodes) throws Exception {
    if (clients > o.users()) {
      throw new IllegalStateException(clients + " clients need as many users; raise --pending");
    }
    log("throughput: " + clients + " clients" + (twoNodes ? " on two nodes" : ""));
    Unlock.Counters counters = new Unlock.Counters();
    ConcurrentLinkedQueue<Unlock.Result> results = new ConcurrentLinkedQueue<>();
    long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.warmUpSeconds
        + (twoNodes ? TWO_NODE_EXTRA_WARM_UP_SECONDS : 0));
    long end = warmEnd + TimeUnit.SECONDS.toNanos(o.seconds);
    List<CompletableFuture<Void>> loops = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      // Two nodes: each unlock starts on one node and its client waits on the other.
      String base = twoNodes && c % 2 == 1 ? baseB : baseA;
      String pollBase = !twoNodes ? baseA : base.equals(baseA) ? baseB : baseA;
      loops.add(loop(base, pollBase, c, end, counters, results));
    }
    sleepUntil(warmEnd);
    ProcStats.Cpu before = cpu(twoNodes);
    sleepUntil(end);
    ProcStats.Cpu after = cpu(twoNodes);
    CompletableFuture.allOf(loops.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);
    List<Double> ms = new ArrayList<>();
    int inWindow = 0;
    for (Unlock.Result r : results) {
      if (r.doneNanos() >= warmEnd && r.doneNanos() <= end) {
        inWindow++;
        ms.add(r.millis());
      }
    }
    List<Double> cpu = after.percentSince(before);
    double serveCpu = twoNodes ? cpu.get(0) + cpu.get(4) : cpu.get(0);
    return List.of(twoNodes ? "2" : "1", Integer.toString(clients),
        String.format(Locale.ROOT, "%.1f", inWindow / (double) o.seconds), ms(percentile(ms, 50)),
        ms(percentile(ms, 95)), counters.failed.get() + (counters.failed.get() > 0 ? " (" + counters.lastFailure + ")" : ""),
        counters.fullWaitDecided.get() + " / " + counters.fullWaitPending.get() + " of " + counters.polls.get(),
        pct(serveCpu), pct(cpu.get(1)), pct(cpu.get(2)), pct(cpu.get(3)), ProcStats.loadAverage());
  }

  /** One client: unlock after unlock until {@code end}. */
  private CompletableFuture<Void> loop(String base, String pollBase, int user, long end, Unlock.Counters counters,
      ConcurrentLinkedQueue<Unlock.Result> results) {
    if (System.nanoTime() >= end) {
      return CompletableFuture.completedFuture(null);
    }
    return Unlock.run(rest, base, pollBase, workspaceOf(user), tokens.get(user), POLL_SECONDS,
        Duration.ofSeconds(60), counters)
        .handle((result, error) -> {
          if (result != null) {
            results.add(result);
          }
          return null;
        }).thenCompose(ignored -> loop(base, pollBase, user, end, counters, results));
  }

  /** serve A, simulator, PostgreSQL (postmaster and backends), this JVM, and serve B when it runs. */
  private ProcStats.Cpu cpu(boolean twoNodes) {
    List<Long> pids = new ArrayList<>(List.of(nodeA.pid(), simulator.pid(), postmaster, ProcessHandle.current().pid()));
    List<Boolean> trees = new ArrayList<>(List.of(false, false, true, false));
    if (twoNodes) {
      pids.add(nodeB.pid());
      trees.add(false);
    }
    return ProcStats.Cpu.of(pids, trees);
  }

  // ---- phase 3: capacity -------------------------------------------------------------------------

  private void capacity() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    Unlock.Counters counters = new Unlock.Counters();
    rows.add(capacityRow("0 (idle)", counters, 0, List.of(nodeA), baseA));
    bulkUsers("hold");
    AtomicReference<String> clientNode = new AtomicReference<>(baseA);
    if (o.capacityClientsOnB) {
      // Node A starts and follows every push; every client waits on node B from the start, so
      // neither process needs a socket for both a Duo long poll and a client per pending unlock
      // (10,000 of each would pass this machine's 20,000 open files per process).
      nodeB = startServe("serve-b");
      baseB = "http://127.0.0.1:" + nodeB.await(LISTENING, Duration.ofSeconds(120)).group(1);
      clientNode.set(baseB);
    }
    List<Child> measured = o.capacityClientsOnB ? List.of(nodeA, nodeB) : List.of(nodeA);
    List<CompletableFuture<Unlock.Result>> unlocks = new ArrayList<>();
    List<Integer> stages = new ArrayList<>(CAPACITY_STAGES.stream().filter(n -> n < o.pending).toList());
    stages.add(o.pending);
    long openStart = System.nanoTime();
    String outcome = "";
    try {
      for (int target : stages) {
        try {
          open(target, unlocks, counters, clientNode);
        } catch (IllegalStateException e) {
          report.note("**Capacity: opening stopped at " + counters.pending.get() + " pending**: " + e.getMessage());
          rows.add(capacityRow(counters.pending.get() + " (opening stopped)", counters,
              (System.nanoTime() - openStart) / 1e9, measured, clientNode.get()));
          break;
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(Math.min(5, o.quietSeconds)));
        rows.add(capacityRow(Integer.toString(counters.pending.get()), counters, (System.nanoTime() - openStart) / 1e9,
            measured, clientNode.get()));
      }
      if (o.twoNodeClients > 0 && !o.capacityClientsOnB && nodeA.alive() && counters.pending.get() > 0) {
        // Challenges started (and followed) on A; every client now waits on B instead.
        nodeB = startServe("serve-b");
        baseB = "http://127.0.0.1:" + nodeB.await(LISTENING, Duration.ofSeconds(120)).group(1);
        clientNode.set(baseB);
        Thread.sleep(TimeUnit.SECONDS.toMillis(POLL_SECONDS + 5));
        rows.add(capacityRow(counters.pending.get() + ", clients on node B", counters, 0, List.of(nodeA, nodeB),
            baseB));
      }
      outcome = approveAll(unlocks, counters);
    } finally {
      String layout = o.capacityClientsOnB
          ? " (nodes A and B on one PostgreSQL, values A / B: A starts and follows every push, every client waits on B)"
          : " (node A; with node B on the same PostgreSQL in the last row: values A / B)";
      report.table("Capacity: serve -Xmx" + o.serveHeap + layout + ", pushes held at the simulator (push timeout "
          + o.pushTimeoutSeconds + " s), challenge lifetime " + CHALLENGE_LIFETIME_SECONDS
          + " s, each pending unlock with a client long-polling (waitSeconds=" + POLL_SECONDS
          + ", again at once after each answer), the first "
          + Math.min(100, o.pending) + " with " + o.clientsPerChallenge + " clients each",
          List.of("pending", "client long polls in flight", "heap after GC MiB", "RSS MiB", "serve threads",
              "serve open files (limit " + ProcStats.openFilesLimit(nodeA.pid()) + ")",
              "Duo auth_status/s (quiet " + o.quietSeconds + " s)", "parked at simulator", "parked per pending",
              "serve connections to Duo",
              "client polls/s", "polls retried (504, drops)", "GET /health ms", "opened after s", "load average"),
          rows);
      report.note(outcome.isEmpty() ? "Capacity: no approve-all (" + counters.lastFailure + ")" : outcome);
    }
  }

  /**
   * Starts unlocks up to {@code target}, {@link #OPEN_BATCH} at a time, each batch once all but the
   * previous one are pending (so the node always has the next batch queued), and returns once all
   * are; the first 100 with {@code --clients-per-challenge} clients each.
   */
  private void open(int target, List<CompletableFuture<Unlock.Result>> unlocks, Unlock.Counters counters,
      AtomicReference<String> clientNode) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.openTimeoutSeconds);
    while (true) {
      int batch = Math.min(OPEN_BATCH, target - unlocks.size());
      for (int i = 0; i < batch; i++) {
        int user = unlocks.size();
        unlocks.add(Unlock.held(rest, baseA, clientNode::get, workspaceOf(user), tokens.get(user), POLL_SECONDS,
            Duration.ofMinutes(60), counters, user < 100 ? o.clientsPerChallenge : 1));
      }
      int opening = unlocks.size() < target ? OPEN_BATCH : 0;
      while (counters.pending.get() + counters.failed.get() < unlocks.size() - opening) {
        if (System.nanoTime() > deadline || !nodeA.alive()) {
          throw new IllegalStateException(String.format(Locale.ROOT, "only %d of %d unlocks pending after %d s"
              + " (%d failed; last: %s; serve %s)", counters.pending.get(), unlocks.size(), o.openTimeoutSeconds,
              counters.failed.get(), counters.lastFailure, nodeA.alive() ? "alive" : "exited"));
        }
        Thread.sleep(50);
      }
      if (counters.failed.get() > unlocks.size() / 10 + 10) {
        throw new IllegalStateException(counters.failed.get() + " of " + unlocks.size() + " unlocks failed; last: "
            + counters.lastFailure);
      }
      if (opening == 0) {
        break;
      }
    }
    log("capacity: " + counters.pending.get() + " pending");
  }

  /** One row: what the simulator received over a quiet window, then each node's heap, RSS and threads. */
  private List<String> capacityRow(String pending, Unlock.Counters counters, double openedAfter, List<Child> nodes,
      String healthNode) throws Exception {
    JsonNode before = control("GET", "/_sim/counters", null);
    int polls = counters.polls.get();
    int retried = counters.retriedPolls.get();
    long t0 = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(o.quietSeconds));
    JsonNode after = control("GET", "/_sim/counters", null);
    double quiet = (System.nanoTime() - t0) / 1e9;
    int inFlight = counters.inFlight.get();
    long health0 = System.nanoTime();
    String health;
    try {
      health = rest.send("GET", healthNode + "/health", null, null, Duration.ofSeconds(30)).get(35, TimeUnit.SECONDS)
          .status() == 200 ? ms((System.nanoTime() - health0) / 1e6) : "failed";
    } catch (Exception e) {
      health = "failed: " + rootMessage(e);
    }
    List<String> heap = new ArrayList<>();
    List<String> rss = new ArrayList<>();
    List<String> threads = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<String> duoConnections = new ArrayList<>();
    int duoPort = Integer.parseInt(simBase.substring(simBase.lastIndexOf(':') + 1));
    for (Child node : nodes) {
      files.add(Integer.toString(ProcStats.openFiles(node.pid())));
      duoConnections.add(Integer.toString(ProcStats.connectionsTo(node.pid(), duoPort)));
      long h = ProcStats.heapAfterGcMib(node.pid());
      int t = ProcStats.threads(node.pid());
      heap.add(h < 0 ? "n/a" : Long.toString(h));
      rss.add(Long.toString(ProcStats.rssMib(node.pid())));
      threads.add(t < 0 ? "n/a (exited)" : Integer.toString(t));
    }
    double statusRate = (after.at("/requests/~1auth~1v2~1auth_status").asLong()
        - before.at("/requests/~1auth~1v2~1auth_status").asLong()) / quiet;
    long parked = after.path("parkedRequests").asLong();
    int pendingNow = counters.pending.get() - counters.approved.get() - counters.failedWhilePending.get();
    return List.of(pending, Integer.toString(inFlight), String.join(" / ", heap), String.join(" / ", rss),
        String.join(" / ", threads), String.join(" / ", files), String.format(Locale.ROOT, "%.1f", statusRate), Long.toString(parked),
        pendingNow <= 0 ? "–" : String.format(Locale.ROOT, "%.2f", parked / (double) pendingNow),
        String.join(" / ", duoConnections), String.format(Locale.ROOT, "%.1f", (counters.polls.get() - polls) / quiet),
        Integer.toString(counters.retriedPolls.get() - retried), health,
        openedAfter == 0 ? "" : String.format(Locale.ROOT, "%.0f", openedAfter), ProcStats.loadAverage());
  }

  private String approveAll(List<CompletableFuture<Unlock.Result>> unlocks, Unlock.Counters counters)
      throws Exception {
    int waiting = counters.pending.get();
    long t0 = System.nanoTime();
    int approvedAtSim = control("POST", "/_sim/transactions/approve-all", null).path("approved").asInt();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(o.approveTimeoutSeconds);
    while (counters.approved.get() + counters.failed.get() < unlocks.size() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    long last = 0;
    int done = 0;
    for (CompletableFuture<Unlock.Result> f : unlocks) {
      Unlock.Result r = f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
      if (r != null) {
        done++;
        last = Math.max(last, r.approvedNanos());
      }
    }
    return String.format(Locale.ROOT, "Capacity: approve-all at the simulator approved %d pushes (%d unlocks "
        + "pending, clients waiting on node %s); **%d of %d clients saw approved, the last %.1f s after approve-all**"
        + " (target ≤ 30 s for 10,000)%s; %d unlocks failed%s; %d pushes or challenges timed out while held and "
        + "were started again (load average %s).", approvedAtSim, waiting, nodeB != null ? "B" : "A",
        counters.approved.get(), unlocks.size(), last == 0 ? Double.NaN : (last - t0) / 1e9,
        done < counters.approved.get()
            ? " (" + done + " also claimed their session)" : "", counters.failed.get(),
        counters.failed.get() > 0 ? " (last: " + counters.lastFailure + ")" : "", counters.restarted.get(),
        ProcStats.loadAverage());
  }

  // ---- teardown ----------------------------------------------------------------------------------

  /** Stops every process this run started, and a postmaster left behind by a serve that was killed. */
  private synchronized void teardown() {
    if (tornDown) {
      return;
    }
    tornDown = true;
    rest.close();
    for (Child c : new Child[] {nodeB, nodeA}) {
      if (c != null) {
        c.close();
      }
    }
    stopLeftoverPostmaster();
    if (simControl != null) {
      simControl.close();
    }
    if (simulator != null) {
      simulator.close();
    }
    if (failed || o.keep) {
      log("kept " + work + " (logs and data)");
    } else {
      delete(work);
    }
  }

  private void stopLeftoverPostmaster() {
    Path pidFile = data.resolve("pg").resolve("postmaster.pid");
    try {
      if (!Files.exists(pidFile)) {
        return;
      }
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      Optional<ProcessHandle> pg = ProcessHandle.of(pid)
          .filter(h -> h.info().command().map(c -> c.contains("postgres")).orElse(false));
      if (pg.isEmpty()) {
        return;
      }
      report.note("A PostgreSQL (pid " + pid + ") was still running after every serve node stopped; stopped it.");
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
      if (!pg.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).thenApply(h -> h != null).get()) {
        pg.get().destroyForcibly();
      }
    } catch (Exception e) {
      System.err.println("[bench] could not check for a leftover PostgreSQL: " + rootMessage(e));
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("[bench] could not delete " + root);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Keeps a failure's stack trace in the work directory (kept after a failed run) and says where,
   * in one line: the report already names the failure.
   */
  private void keepTrace(String what, Exception e) {
    Path file = work.resolve("failures.log");
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    try {
      Files.writeString(file, what + " failed:\n" + trace + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      log(what + " failed; its stack trace is in " + file);
    } catch (IOException | RuntimeException writeFailed) {
      log(what + " failed (" + rootMessage(e) + "); its stack trace could not be written to " + file);
    }
  }

  static void log(String message) {
    System.err.println("[bench] " + message);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left = nanos - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String pct(double value) {
    return String.format(Locale.ROOT, "%.0f %%", value);
  }

  /** The command line. */
  static final class Options {
    static final String USAGE = String.join("\n",
        "usage: benchmark/run.sh [--quick] [options]",
        "  --quick                   small sizes for a smoke run (about 2 minutes)",
        "  --phases LIST             latency,throughput,capacity (default all)",
        "  --latency-unlocks N       timed sequential unlocks, and as many floor runs (default 500)",
        "  --clients LIST            concurrent clients per throughput row (default 8,32,128)",
        "  --seconds S               timed seconds per throughput row (default 10; warm-up 3)",
        "  --two-node-clients N      clients for the two-node throughput row; 0 starts no second node",
        "                            (no two-node row; capacity as with --capacity-one-node) (default 32)",
        "  --pending N               pending pushes for the capacity phase, rows at 100, 1000, 10000 below it",
        "                            and at N (default 10000)",
        "  --clients-per-challenge K clients waiting on each of the first 100 pending (default 3)",
        "  --capacity-one-node       capacity: every client waits on node A, which also follows the pushes",
        "                            (two sockets per pending unlock: past 20,000 open files, 10,000 cannot",
        "                            fit one process here); a last row then moves the clients to node B.",
        "                            The default (--capacity-clients-on-b, still accepted): node A follows",
        "                            the pushes, every client waits on node B",
        "  --push-timeout S          the simulator's push timeout, so held pushes stay pending (default 1800)",
        "  --members-per-workspace M members per workspace (default 100)",
        "  --quiet-seconds S         window for auth_status/s while nothing changes (default 10)",
        "  --approve-timeout S       wait for the last approved client (default 120)",
        "  --open-timeout S          wait for all unlocks to be pending (default 600)",
        "  --setup-concurrency N     parallel user set-ups (default 48)",
        "  --serve-heap SIZE         serve's -Xmx (default 512m)",
        "  --jar PATH                the gatehouse executable (default bootstrap/target/gatehouse.jar)",
        "  --work DIR                work directory (default a new temporary one)",
        "  --keep                    keep the work directory (logs, data) after a successful run",
        "  --report FILE             also append the markdown report to FILE");

    boolean help;
    boolean quick;
    Path jar = Path.of("bootstrap/target/gatehouse.jar");
    Path work;
    Path reportFile;
    boolean keep;
    boolean capacityClientsOnB = true;
    List<String> phases = List.of("latency", "throughput", "capacity");
    int latencyUnlocks = 500;
    List<Integer> clients = List.of(8, 32, 128);
    int seconds = 10;
    int warmUpSeconds = 3;
    int twoNodeClients = 32;
    int pending = 10_000;
    int clientsPerChallenge = 3;
    int pushTimeoutSeconds = 1800;
    int membersPerWorkspace = 100;
    int quietSeconds = 10;
    int approveTimeoutSeconds = 120;
    int openTimeoutSeconds = 600;
    int setupConcurrency = 48;
    String serveHeap = "512m";

    int users() {
      int forThroughput = phases.contains("throughput")
          ? Math.max(twoNodeClients, clients.stream().mapToInt(Integer::intValue).max().orElse(1)) : 1;
      return Math.max(phases.contains("capacity") ? pending : 1, forThroughput);
    }

    String describe() {
      return String.format(Locale.ROOT, "%s%d latency unlocks, clients %s for %d s, two nodes at %d, %d pending, "
          + "%d members per workspace", quick ? "quick: " : "", latencyUnlocks, clients, seconds, twoNodeClients,
          pending, membersPerWorkspace);
    }

    static Options parse(String[] args) {
      Options o = new Options();
      if (Arrays.asList(args).contains("--quick")) {
        o.quick = true;
        o.latencyUnlocks = 60;
        o.clients = List.of(4, 16);
        o.seconds = 5;
        o.warmUpSeconds = 2;
        o.twoNodeClients = 16;
        o.pending = 200;
        o.membersPerWorkspace = 50;
        o.quietSeconds = 5;
        o.approveTimeoutSeconds = 60;
      }
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--quick" -> { }
          case "--help", "-h" -> o.help = true;
          case "--keep" -> o.keep = true;
          case "--phases" -> o.phases = List.of(value(args, ++i, a).split(","));
          case "--latency-unlocks" -> o.latencyUnlocks = positive(args, ++i, a);
          case "--clients" -> o.clients = Arrays.stream(value(args, ++i, a).split(","))
              .map(s -> Integer.parseInt(s.strip())).toList();
          case "--seconds" -> o.seconds = positive(args, ++i, a);
          case "--two-node-clients" -> o.twoNodeClients = Integer.parseInt(value(args, ++i, a));
          case "--pending" -> o.pending = positive(args, ++i, a);
          case "--clients-per-challenge" -> o.clientsPerChallenge = positive(args, ++i, a);
          case "--capacity-clients-on-b" -> o.capacityClientsOnB = true;
          case "--capacity-one-node" -> o.capacityClientsOnB = false;
          case "--push-timeout" -> o.pushTimeoutSeconds = positive(args, ++i, a);
          case "--members-per-workspace" -> o.membersPerWorkspace = positive(args, ++i, a);
          case "--quiet-seconds" -> o.quietSeconds = positive(args, ++i, a);
          case "--approve-timeout" -> o.approveTimeoutSeconds = positive(args, ++i, a);
          case "--open-timeout" -> o.openTimeoutSeconds = positive(args, ++i, a);
          case "--setup-concurrency" -> o.setupConcurrency = positive(args, ++i, a);
          case "--serve-heap" -> o.serveHeap = value(args, ++i, a);
          case "--jar" -> o.jar = Path.of(value(args, ++i, a));
          case "--work" -> o.work = Path.of(value(args, ++i, a));
          case "--report" -> o.reportFile = Path.of(value(args, ++i, a));
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (o.twoNodeClients == 0) {
        o.capacityClientsOnB = false;
      }
      for (String p : o.phases) {
        if (!List.of("latency", "throughput", "capacity").contains(p)) {
          throw new IllegalArgumentException("unknown phase " + p);
        }
      }
      if (!o.help && !Files.isRegularFile(o.jar)) {
        throw new IllegalArgumentException(o.jar + " is missing; build it: ./mvnw -B -q -pl bootstrap -am package "
            + "-DskipTests");
      }
      return o;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int positive(String[] args, int i, String option) {
      try {
        int v = Integer.parseInt(value(args, i, option));
        if (v < 1) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " takes a whole number ≥ 1");
      }
    }
  }
}
