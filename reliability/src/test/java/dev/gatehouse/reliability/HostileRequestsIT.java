package dev.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Malformed and hostile REST requests, seeded and random, against a {@code serve} with Duo
 * configured: none gets a 5xx, {@code serve} prints no stack trace, and no secret (the Duo secret
 * key, API tokens, a passcode) shows in any answer or in its output. Sizes:
 * {@code -Dreliability.hostile=N} (default 10,000), {@code -Dreliability.seed=S}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsIT {
  private static final String WORKSPACE = "vault";
  private static final String PASSCODE = "482913";
  private static final String MARKER_TOKEN = "ghp_Zk9hostileTOKENmarker0000000000000000";

  private final int count = Stack.size("hostile", 10_000);
  private final long seed = Long.getLong("reliability.seed", 18L);
  private Stack stack;
  private Stack.Node node;
  private String member;
  private String outsider;
  private URI base;

  @BeforeAll
  void setUp() throws Exception {
    stack = Stack.start("hostile");
    node = stack.serve();
    base = URI.create(node.base());
    stack.simUsers(stack.duo, "member", 1, "approve");
    stack.workspace(node, WORKSPACE, stack.duo, "secure");
    member = stack.members(node, "member", 1, WORKSPACE).get(0);
    stack.simUsers(stack.duo, "outsider", 1, "approve");
    outsider = stack.members(node, "outsider", 1).get(0);
  }

  @AfterAll
  void tearDown() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void noHostileRequestGetsA5xxAStackTraceOrASecret() throws Exception {
    List<Function<Random, Request>> kinds = kinds();
    Random random = new Random(seed);
    Map<String, Integer> statuses = new ConcurrentHashMap<>();
    List<String> problems = new CopyOnWriteArrayList<>();
    List<String> secrets = List.of(stack.duo.secretKey(), stack.admin, member, outsider, MARKER_TOKEN, PASSCODE);
    Semaphore inFlight = new Semaphore(16);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      Request request = kinds.get(random.nextInt(kinds.size())).apply(random);
      inFlight.acquire();
      CompletableFuture<Void> done = send(request).handle((answer, error) -> {
        inFlight.release();
        String status = error != null ? "no answer" : answer.status() == 0 ? "closed" : Integer.toString(answer.status());
        statuses.merge(status, 1, Integer::sum);
        // HTTP/9.9 (or a request line whose third word is no version) is rightly a 505, as its own problem.
        boolean badVersion = answer != null && answer.status() == 505 && !answer.body().contains("internal-error");
        if (error != null || answer.status() >= 500 && !badVersion) {
          problems.add(request.describe() + " → " + (error != null ? error : answer.status() + " " + answer.body()));
        } else {
          // A request id is random hex: it may spell a six-digit passcode by chance, so it is not searched.
          String searched = answer.body().replaceAll("urn:gatehouse:request:[0-9a-f]+", "");
          for (String secret : secrets) {
            if (searched.contains(secret)) {
              problems.add(request.describe() + " → a secret in the answer: " + answer.body());
            }
          }
        }
        return null;
      });
      all.add(done);
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.MINUTES);
    double took = Stack.seconds(start);
    assertThat(stack.http.call("GET", node.base() + "/health", null, null).status()).isEqualTo(200);

    List<String> output = node.child().lines();
    List<String> traces = output.stream().filter(l -> l.matches("^\\s+at [\\w$.]+\\(.*") || l.startsWith("Caused by:"))
        .toList();
    List<String> leaks = output.stream().filter(l -> secrets.stream().anyMatch(l::contains)).toList();
    Map<String, Integer> sorted = new TreeMap<>(statuses);
    assertThat(problems).as("5xx, unanswered or leaking answers").isEmpty();
    assertThat(traces).as("stack trace lines in serve's output").isEmpty();
    assertThat(leaks).as("secrets in serve's output").isEmpty();
    assertThat(sorted.keySet()).as("hostile requests were refused").anyMatch(s -> s.startsWith("4"));
    Stack.figure(String.format(Locale.ROOT, "| %,d malformed or hostile requests (seed %d, %d kinds) | %.0f s; "
        + "answers by status %s; 0 × 5xx, 0 stack-trace lines in %,d lines of serve output, 0 secrets in answers "
        + "or output |", count, seed, kinds.size(), took,
        sorted.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", ")),
        output.size()));
  }



  /** A request over the JDK client, or raw bytes over a socket when no client would send them. */
  private record Request(String method, String path, String token, String body, Map<String, String> headers,
      byte[] raw) {
    String describe() {
      return raw != null ? "raw " + new String(raw, 0, Math.min(raw.length, 80), StandardCharsets.ISO_8859_1)
          .replace("\r\n", "⏎") : method + " " + path + " " + headers.keySet()
          + (body == null ? "" : " (body of " + body.length() + " chars)");
    }
  }

  private static Request http(String method, String path, String token, String body) {
    return new Request(method, path, token, body, Map.of(), null);
  }

  private static Request http(String method, String path, String token, String body, Map<String, String> headers) {
    return new Request(method, path, token, body, headers, null);
  }

  private static Request raw(String text) {
    return new Request(null, null, null, null, Map.of(), text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private CompletableFuture<Http.Answer> send(Request r) {
    if (r.raw() != null) {
      return CompletableFuture.supplyAsync(() -> rawExchange(r.raw()));
    }
    try {
      return stack.http.send(r.method(), node.base() + r.path(), r.token(), r.body(), Duration.ofSeconds(20),
          r.headers());
    } catch (IllegalArgumentException e) {
      throw new AssertionError("the test's client refused to send " + r.describe(), e);
    }
  }

  /** Writes the bytes, reads the status line; status 0 when the server closed without answering. */
  private Http.Answer rawExchange(byte[] bytes) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
      int status = answer.startsWith("HTTP/") && answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : 0;
      return new Http.Answer("raw", status, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), answer);
    } catch (IOException e) {
      // A reset after the server refused to read on counts as "closed", not as a 5xx.
      return new Http.Answer("raw", 0, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), "");
    }
  }

  private List<Function<Random, Request>> kinds() {
    String admin = stack.admin;
    String skey = stack.duo.secretKey();
    String mfa = "/api/v1/workspaces/" + WORKSPACE + "/mfa";
    List<Function<Random, Request>> k = new ArrayList<>();
    // Broken JSON, wrong shapes and types.
    k.add(r -> http("POST", "/api/v1/users", admin, junkJson(r)));
    k.add(r -> http("POST", "/api/v1/workspaces", admin, junkJson(r)));
    k.add(r -> http("POST", "/api/v1/users", admin, "{\"name\":" + r.nextLong() + ",\"name\":\"x\"}"));
    k.add(r -> http("POST", "/api/v1/workspaces", admin, "[".repeat(1 + r.nextInt(20_000))));
    k.add(r -> http("POST", "/api/v1/users", admin, "{\"name\":\"" + "\\u0000".repeat(1 + r.nextInt(50)) + "\"}"));
    k.add(r -> http("POST", "/api/v1/users", admin, "{\"name\":\"" + randomText(r, 300) + "\"}"));
    k.add(r -> http("POST", "/api/v1/users", admin, "{\"name\":\"a\",\"role\":\"" + randomText(r, 20) + "\"}"));
    k.add(r -> http("POST", "/api/v1/users", admin, "{\"name\":1e99999}"));
    // The Duo secret key inside bad configuration requests: never echoed.
    k.add(r -> http("PUT", mfa, admin, "{\"apiHostname\":\"" + randomText(r, 40) + "\",\"integrationKey\":\"DI"
        + "X".repeat(18) + "\",\"secretKey\":\"" + skey + "\",\"failmode\":\"sometimes\"}"));
    k.add(r -> http("PUT", mfa, admin, "{\"apiHostname\":\"api-1.example\",\"integrationKey\":" + r.nextInt()
        + ",\"secretKey\":\"" + skey + r.nextInt(10) + "\"}"));
    k.add(r -> http("PUT", mfa, admin, "{\"secretKey\":\"" + skey + "\",\"unknown\":true}"));
    k.add(r -> http("PUT", mfa, member, "{\"apiHostname\":\"api-1.example\",\"integrationKey\":\"x\",\"secretKey\":\""
        + skey + "\"}"));
    k.add(r -> http("POST", "/api/v1/duo/check", outsider, "{\"secretKey\":\"" + skey + "\"}"));
    // Tokens: missing, unknown, malformed, someone else's rights, a secret as the token.
    k.add(r -> http("GET", "/api/v1/users", null, null));
    k.add(r -> http("GET", "/api/v1/workspaces", MARKER_TOKEN, null));
    k.add(r -> http("GET", "/api/v1/audit", skey, null));
    k.add(r -> http("GET", "/api/v1/workspaces", null, null, Map.of("Authorization", "Bearer " + randomAscii(r, 60))));
    k.add(r -> http("GET", "/api/v1/workspaces", null, null, Map.of("Authorization", "Basic "
        + java.util.Base64.getEncoder().encodeToString(("admin:" + admin).getBytes(StandardCharsets.UTF_8)))));
    k.add(r -> http("POST", "/api/v1/users", member, "{\"name\":\"sneaky" + r.nextInt(1000) + "\"}"));
    k.add(r -> http("POST", "/api/v1/users/admin/tokens", outsider, null));
    k.add(r -> http("DELETE", mfa, member, null));
    k.add(r -> http("POST", "/api/v1/workspaces/" + WORKSPACE + "/unlock", outsider, null));
    k.add(r -> http("PUT", "/api/v1/workspaces/" + WORKSPACE + "/members/outsider00001", outsider, "{}"));
    k.add(r -> http("GET", "/api/v1/workspaces/" + WORKSPACE + "/entries", member, null));
    // Challenges: unknown, malformed ids, wild waits, passcodes for challenges that are not there.
    k.add(r -> http("GET", "/api/v1/challenges/" + id(r) + "?waitSeconds=" + (r.nextInt(200) - 100), member, null));
    k.add(r -> http("GET", "/api/v1/challenges/" + id(r) + "?waitSeconds=" + randomAscii(r, 12), member, null));
    k.add(r -> http("POST", "/api/v1/challenges/" + id(r) + "/passcode", member, "{\"passcode\":\"" + PASSCODE
        + "\"}"));
    k.add(r -> http("POST", "/api/v1/challenges/" + id(r) + "/session", outsider, null));
    k.add(r -> http("DELETE", "/api/v1/challenges/" + id(r), member, null));
    // Paths, methods, media types, sizes.
    k.add(r -> http("GET", "/api/v1/" + randomAscii(r, 40), member, null));
    k.add(r -> http("GET", "/api/v1/workspaces/..%2F..%2F..%2Fetc%2Fpasswd", member, null));
    k.add(r -> http("GET", "/api/v1/workspaces/%00%ff%fe", member, null));
    k.add(r -> http("GET", "/api/v1/workspaces/" + "w".repeat(1 + r.nextInt(9_000)), member, null));
    k.add(r -> http("PATCH", "/api/v1/users", admin, "{}"));
    k.add(r -> http("OPTIONS", "/api/v1/users", admin, null));
    k.add(r -> http("POST", "/api/v1/users", admin, "{\"name\":\"x\"}", Map.of("Content-Type", "text/plain")));
    k.add(r -> http("POST", "/api/v1/users", admin, "{\"name\":\"x\"}", Map.of("Content-Type",
        "application/json; charset=utf-16")));
    k.add(r -> http("POST", "/api/v1/users", admin, "{\"name\":\"" + "x".repeat(70_000 + r.nextInt(100_000)) + "\"}"));
    k.add(r -> http("GET", "/api/v1/users?limit=" + randomAscii(r, 8) + "&after=" + randomAscii(r, 8), admin, null));
    k.add(r -> http("GET", "/api/v1/audit?limit=-" + r.nextInt(), admin, null));
    // Bytes no client would send.
    k.add(r -> raw(randomAscii(r, 1 + r.nextInt(200)) + "\r\n\r\n"));
    k.add(r -> raw("GET /api/v1/users HTTP/1.1\r\nHost: x\r\nContent-Length: -" + r.nextInt(100) + "\r\n\r\n"));
    k.add(r -> raw("GET /api/v1/users HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"));
    k.add(r -> raw("GET /a b c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    k.add(r -> raw("GET /api/v1/users HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20_000 + r.nextInt(60_000))
        + "\r\nConnection: close\r\n\r\n"));
    k.add(r -> raw("POST /api/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + admin
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n"));
    k.add(r -> raw("POST /api/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + admin
        + "\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n"
        + "Connection: close\r\n\r\n0\r\n\r\n"));
    k.add(r -> raw("GET /api/v1/users\r\nInjected: yes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    k.add(r -> raw("GET /api/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + MARKER_TOKEN
        + "\r\nAuthorization: Bearer " + admin + "\r\nConnection: close\r\n\r\n"));
    return k;
  }

  private static String junkJson(Random r) {
    String[] pieces = {"{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e", "\\", "\"name\"", "\\ud800", "\u0000"};
    StringBuilder out = new StringBuilder();
    for (int i = r.nextInt(40); i >= 0; i--) {
      out.append(pieces[r.nextInt(pieces.length)]);
    }
    return out.toString();
  }

  private static String id(Random r) {
    return r.nextBoolean() ? randomAscii(r, 1 + r.nextInt(80)) : "c" + Long.toHexString(r.nextLong()) + "0000000000000";
  }

  /** Random URL-safe characters (percent-encoding the rest), for paths and queries. */
  private static String randomAscii(Random r, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      char c = (char) (33 + r.nextInt(94));
      out.append(Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0 ? String.valueOf(c)
          : String.format(Locale.ROOT, "%%%02X", (int) c));
    }
    return out.toString();
  }

  /** Random text for JSON strings: letters, quotes escaped, some non-ASCII. */
  private static String randomText(Random r, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = r.nextInt(max + 1); i > 0; i--) {
      int c = r.nextInt(10) == 0 ? 0x80 + r.nextInt(0x2000) : 'a' + r.nextInt(26);
      out.appendCodePoint(c);
    }
    return out.toString();
  }
}
