package dev.gatehouse.duosim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The unsigned, loopback-only JSON control API under {@code /_sim} (routes in the module report). */
final class ControlApi {

  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private static final int MAX_BULK_USERS = 100_000;

  private final SimulatorControl control;
  private final SimState state;

  ControlApi(SimulatorControl control, SimState state) {
    this.control = control;
    this.state = state;
  }

  void handle(HttpExchange exchange, Reply reply) {
    try {
      InetSocketAddress remote = exchange.getRemoteAddress();
      if (remote == null || !remote.getAddress().isLoopbackAddress()) {
        throw new BadRequest(403, "the control API answers loopback clients only");
      }
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body = raw.length == 0 ? Json.object() : Json.MAPPER.readTree(raw);
      Map<String, List<String>> query = FormCodec.decode(exchange.getRequestURI().getRawQuery());
      String[] parts = segments(exchange.getRequestURI().getRawPath());
      reply.json(200, route(method, parts, body, query), Map.of());
    } catch (BadRequest e) {
      reply.json(e.status, error(e.getMessage()), Map.of());
    } catch (IllegalArgumentException | IOException e) {
      reply.json(400, error(e.getMessage()), Map.of());
    }
  }

  private static String[] segments(String rawPath) {
    String rest = rawPath.length() <= "/_sim/".length() ? "" : rawPath.substring("/_sim/".length());
    String[] parts = rest.isEmpty() ? new String[0] : rest.split("/");
    for (int i = 0; i < parts.length; i++) {
      parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
    }
    return parts;
  }

  private JsonNode route(String method, String[] p, JsonNode body, Map<String, List<String>> query) {
    String head = p.length == 0 ? "state" : p[0];
    switch (head) {
      case "state":
        return stateJson();
      case "transactions":
        if (p.length == 1 && method.equals("GET")) {
          return transactions(query);
        }
        if (p.length == 2 && method.equals("GET")) {
          return control.transaction(p[1]).map(this::txJson).orElseThrow(() -> notFound("no such transaction"));
        }
        if (p.length == 2 && method.equals("POST") && p[1].equals("approve-all")) {
          ObjectNode out = okJson();
          out.put("approved", control.approveAll());
          return out;
        }
        if (p.length == 3 && method.equals("POST") && p[2].equals("verify")) {
          return verify(p[1], body);
        }
        if (p.length == 3 && method.equals("POST")) {
          return act(p[1], p[2]);
        }
        break;
      case "users":
        return users(method, p, body);
      case "devices":
        if (p.length == 3 && method.equals("GET") && p[2].equals("sms")) {
          ObjectNode out = Json.object();
          out.put("deviceId", p[1]);
          out.set("passcodes", Json.MAPPER.valueToTree(control.smsBatch(p[1])));
          return out;
        }
        if (p.length == 3 && method.equals("GET") && p[2].equals("inbox")) {
          ArrayNode out = Json.MAPPER.createArrayNode();
          control.inbox(p[1]).forEach(n -> out.add(notificationJson(n)));
          return out;
        }
        break;
      case "enrollments":
        if (p.length == 2 && p[1].equals("activate") && method.equals("POST")) {
          String key = body.hasNonNull("activationCode") ? body.get("activationCode").asText()
              : body.path("userId").asText(null);
          if (key == null || !control.activateEnrollment(key)) {
            throw notFound("no such enrollment");
          }
          return okJson();
        }
        break;
      case "faults":
        return faults(method, body);
      case "clock":
        if (method.equals("POST")) {
          control.shiftClock(Duration.ofMillis(Math.round(body.path("shiftSeconds").asDouble(0) * 1000)));
        }
        return clockJson();
      case "counters":
        return countersJson();
      case "requests":
        if (method.equals("DELETE")) {
          control.clearRequests();
          return okJson();
        }
        return requests(query);
      default:
        break;
    }
    throw notFound("no such control route");
  }

  private JsonNode act(String txidOrLatest, String action) {
    String txid = txidOrLatest;
    Scenario.Outcome outcome;
    switch (action) {
      case "approve":
        outcome = Scenario.Outcome.APPROVE;
        break;
      case "deny":
        outcome = Scenario.Outcome.DENY;
        break;
      case "fraud":
        outcome = Scenario.Outcome.FRAUD;
        break;
      case "timeout":
        outcome = Scenario.Outcome.TIMEOUT;
        break;
      case "lockout":
        outcome = Scenario.Outcome.LOCKED_OUT;
        break;
      case "push_failed":
        outcome = null;
        break;
      default:
        throw notFound("unknown action " + action);
    }
    boolean done = outcome == null ? control.pushFailed(txid) : control.resolve(txid, outcome);
    if (!done) {
      throw new BadRequest(409, "no such pending transaction");
    }
    return txJson(control.transaction(txid).orElseThrow());
  }

  /** The person types a code into Duo Mobile for a Verified Duo Push: {@code {"code": "708"}}. */
  private JsonNode verify(String txid, JsonNode body) {
    String code = body.path("code").asText("");
    if (code.isEmpty()) {
      throw new BadRequest(400, "code is required");
    }
    if (!control.enterVerificationCode(txid, code)) {
      throw new BadRequest(409, "no such pending Verified Duo Push");
    }
    return txJson(control.transaction(txid).orElseThrow());
  }

  private JsonNode users(String method, String[] p, JsonNode body) {
    if (p.length == 2 && method.equals("POST") && p[1].equals("bulk")) {
      return bulkUsers(body);
    }
    if (p.length == 1 && method.equals("POST")) {
      Scenario.User user = Scenario.parseUser(body);
      control.putUser(user);
      ObjectNode out = okJson();
      out.put("userId", user.userId());
      return out;
    }
    if (p.length == 1 && method.equals("GET")) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (UserState u : state.users()) {
        ObjectNode n = out.addObject();
        n.put("username", u.username);
        n.put("userId", u.userId);
        n.put("status", u.status.name().toLowerCase(Locale.ROOT));
        n.put("requireVerifiedPush", u.requireVerifiedPush);
        ArrayNode devices = n.putArray("devices");
        synchronized (state) {
          u.devices.forEach(d -> devices.add(d.config.id()));
        }
      }
      return out;
    }
    if (p.length == 3 && method.equals("POST") && p[2].equals("devices")) {
      UserState user = Optional.ofNullable(state.userByName(p[1])).orElseThrow(() -> notFound("no such user"));
      Scenario.Device device = Scenario.parseDevice(body, user.username, user.devices.size());
      control.addDevice(user.username, device);
      ObjectNode out = okJson();
      out.put("deviceId", device.id());
      return out;
    }
    if (p.length == 3 && method.equals("POST") && p[2].equals("status")) {
      String status = body.path("status").asText("");
      Scenario.UserStatus value;
      try {
        value = Scenario.UserStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequest(400, "unknown status " + status);
      }
      if (!control.setUserStatus(p[1], value)) {
        throw notFound("no such user");
      }
      return okJson();
    }
    if (p.length == 3 && method.equals("POST") && p[2].equals("verified_push")) {
      if (!control.requireVerifiedPush(p[1], body.path("required").asBoolean(true))) {
        throw notFound("no such user");
      }
      return okJson();
    }
    if (p.length == 3 && method.equals("POST")) {
      TransactionInfo tx = control.latestPending(p[1]).orElseThrow(() -> new BadRequest(409, "no pending transaction"));
      return p[2].equals("verify") ? verify(tx.txid(), body) : act(tx.txid(), p[2]);
    }
    throw notFound("no such control route");
  }

  /**
   * Adds (or replaces) {@code count} users named {@code prefix} + a five-digit number from 1, each
   * with one phone that can push, whose pushes are approved at once ({@code "push": "approve"}) or
   * held until a control call ({@code "hold"}); for load runs with thousands of users.
   */
  private JsonNode bulkUsers(JsonNode body) {
    String prefix = body.path("prefix").asText("");
    int count = body.path("count").asInt(0);
    if (prefix.isEmpty() || count < 1 || count > MAX_BULK_USERS) {
      throw new BadRequest(400, "prefix is required and count must be 1 to " + MAX_BULK_USERS);
    }
    Scenario.Reaction push;
    switch (body.path("push").asText("approve")) {
      case "approve":
        push = Scenario.Reaction.approveAfter(Duration.ofMillis(body.path("approveAfterMs").asLong(0)));
        break;
      case "hold":
        push = Scenario.Reaction.waitForControl();
        break;
      default:
        throw new BadRequest(400, "push must be approve or hold");
    }
    for (int i = 1; i <= count; i++) {
      String username = String.format(Locale.ROOT, "%s%05d", prefix, i);
      control.putUser(Scenario.User.active(username, Scenario.Device.phone(Ids.derived("DP", "bulk/" + username),
          "", "Phone", "auto", "push").withPush(push)));
    }
    ObjectNode out = okJson();
    out.put("users", count);
    out.put("first", String.format(Locale.ROOT, "%s%05d", prefix, 1));
    out.put("last", String.format(Locale.ROOT, "%s%05d", prefix, count));
    return out;
  }

  private JsonNode faults(String method, JsonNode body) {
    switch (method) {
      case "POST":
        Fault.Kind kind;
        try {
          kind = Fault.Kind.valueOf(body.path("kind").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new BadRequest(400, "kind must be one of latency, server_error, client_error, rate_limit, "
              + "malformed_json, drop_connection");
        }
        control.injectFault(new Fault(body.path("endpoint").asText("*"), kind, body.path("times").asInt(1),
            body.path("status").asInt(kind == Fault.Kind.SERVER_ERROR ? 500 : kind == Fault.Kind.CLIENT_ERROR ? 400 : 0),
            body.hasNonNull("retryAfterSeconds") ? body.get("retryAfterSeconds").asInt() : null,
            kind == Fault.Kind.LATENCY ? Duration.ofMillis(body.path("latencyMs").asLong(0)) : null));
        return faultsJson();
      case "DELETE":
        control.clearFaults();
        return faultsJson();
      default:
        return faultsJson();
    }
  }

  private JsonNode faultsJson() {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Fault f : control.faults()) {
      ObjectNode n = out.addObject();
      n.put("endpoint", f.endpoint());
      n.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
      n.put("times", f.times());
      if (f.httpStatus() != 0) {
        n.put("status", f.httpStatus());
      }
      if (f.retryAfterSeconds() != null) {
        n.put("retryAfterSeconds", f.retryAfterSeconds());
      }
      if (f.latency() != null) {
        n.put("latencyMs", f.latency().toMillis());
      }
    }
    return out;
  }

  private JsonNode transactions(Map<String, List<String>> query) {
    String username = first(query, "username");
    boolean pendingOnly = "true".equals(first(query, "pending"));
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (TransactionInfo tx : control.transactions()) {
      if ((username == null || tx.username().equalsIgnoreCase(username)) && (!pendingOnly || tx.pending())) {
        out.add(txJson(tx));
      }
    }
    return out;
  }

  private JsonNode requests(Map<String, List<String>> query) {
    long since = Long.parseLong(Optional.ofNullable(first(query, "since")).orElse("0"));
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (LoggedRequest r : control.requests()) {
      if (r.sequence() <= since) {
        continue;
      }
      ObjectNode n = out.addObject();
      n.put("sequence", r.sequence());
      n.put("receivedAt", r.receivedAt().toString());
      n.put("method", r.method());
      n.put("path", r.path());
      n.put("host", r.host());
      n.put("userAgent", r.userAgent());
      n.set("params", Json.MAPPER.valueToTree(r.params()));
      n.put("signatureVersion", r.signatureVersion());
      n.put("integrationKey", r.integrationKey());
      n.put("status", r.status());
      if (r.errorCode() != 0) {
        n.put("errorCode", r.errorCode());
      }
      n.put("fault", r.fault());
      n.put("pushinfo", r.param("pushinfo"));
      n.put("type", r.param("type"));
      n.put("displayUsername", r.param("display_username"));
    }
    return out;
  }

  private ObjectNode txJson(TransactionInfo tx) {
    ObjectNode n = Json.object();
    n.put("txid", tx.txid());
    n.put("username", tx.username());
    n.put("factor", tx.factor());
    n.put("deviceId", tx.deviceId());
    n.put("result", tx.result());
    n.put("status", tx.status());
    n.put("statusMessage", tx.statusMessage());
    n.set("statusHistory", Json.MAPPER.valueToTree(tx.statusHistory()));
    n.put("parkedRequests", tx.parkedRequests());
    if (tx.verifiedPush()) {
      n.put("verificationCode", tx.verificationCode());
    }
    return n;
  }

  private static ObjectNode notificationJson(PushNotification p) {
    ObjectNode n = Json.object();
    n.put("txid", p.txid());
    n.put("deviceId", p.deviceId());
    n.put("username", p.username());
    n.put("factor", p.factor());
    n.put("receivedAt", p.receivedAt().toString());
    n.put("type", p.type());
    n.put("displayUsername", p.displayUsername());
    n.put("pushinfo", p.pushinfo());
    n.set("pushinfoFields", Json.MAPPER.valueToTree(p.pushinfoFields()));
    return n;
  }

  private ObjectNode stateJson() {
    ObjectNode n = Json.object();
    n.put("now", control.now().toString());
    n.put("clockOffsetSeconds", control.clockOffset().toMillis() / 1000.0);
    n.put("users", state.users().size());
    n.put("pendingTransactions", control.pendingTransactions());
    n.put("parkedRequests", control.parkedRequests());
    n.put("faults", control.faults().size());
    return n;
  }

  /** Requests received by path since the start, with the pending and parked counts. */
  private ObjectNode countersJson() {
    ObjectNode n = Json.object();
    n.put("pendingTransactions", control.pendingTransactions());
    n.put("parkedRequests", control.parkedRequests());
    n.set("requests", Json.MAPPER.valueToTree(state.requestLog.counts()));
    return n;
  }

  private ObjectNode clockJson() {
    ObjectNode n = Json.object();
    n.put("now", control.now().toString());
    n.put("epochSeconds", control.now().getEpochSecond());
    n.put("offsetSeconds", control.clockOffset().toMillis() / 1000.0);
    return n;
  }

  private static ObjectNode okJson() {
    ObjectNode n = Json.object();
    n.put("ok", true);
    return n;
  }

  private static ObjectNode error(String message) {
    ObjectNode n = Json.object();
    n.put("error", message == null ? "bad request" : message);
    return n;
  }

  private static BadRequest notFound(String message) {
    return new BadRequest(404, message);
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
