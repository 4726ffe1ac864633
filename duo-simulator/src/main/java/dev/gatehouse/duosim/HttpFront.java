package dev.gatehouse.duosim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The single HTTP entry: routes {@code /_sim/...} to the control API and {@code /auth/v2/...} through
 * request logging, fault injection and signature verification to the Auth API.
 */
final class HttpFront implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(HttpFront.class.getName());
  private static final Set<String> ENDPOINTS =
      Set.of("ping", "check", "logo", "enroll", "enroll_status", "preauth", "auth", "auth_status");
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
  private static final int MAX_BODY = 1 << 20;

  private final SimState state;
  private final SignatureVerifier verifier;
  private final AuthApi api;
  private final ControlApi control;
  private final Executor workers;
  private final ScheduledExecutorService timer;

  HttpFront(SimState state, SignatureVerifier verifier, AuthApi api, ControlApi control, Executor workers,
      ScheduledExecutorService timer) {
    this.state = state;
    this.verifier = verifier;
    this.api = api;
    this.control = control;
    this.workers = workers;
    this.timer = timer;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    if (path.equals("/_sim") || path.startsWith("/_sim/")) {
      control.handle(exchange, new Reply(exchange, null, workers));
      return;
    }
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    RequestLog.Entry entry = state.requestLog.start(state.clock.now(), method, path,
        exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestHeaders().getFirst("User-Agent"));
    Reply reply = new Reply(exchange, entry, workers);
    try {
      byte[] body = readBody(exchange.getRequestBody());
      String endpoint = path.startsWith("/auth/v2/") ? path.substring("/auth/v2/".length()) : null;
      if (endpoint == null || !ENDPOINTS.contains(endpoint)) {
        reply.fail(404, 40401, "Resource not found", null);
        return;
      }
      Map<String, List<String>> query = FormCodec.decode(exchange.getRequestURI().getRawQuery());
      Map<String, List<String>> params;
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
      if (!BODY_METHODS.contains(method)) {
        params = query;
      } else if (json) {
        params = jsonParams(body);
      } else {
        params = FormCodec.decode(new String(body, StandardCharsets.UTF_8));
      }
      entry.params = RequestLog.copy(params);
      Faults.Plan plan = state.faults.take(endpoint);
      Runnable proceed = () -> proceed(exchange, method, path, endpoint, params, query, body, plan.failure(), reply);
      if (plan.delay().isZero()) {
        proceed.run();
      } else {
        timer.schedule(() -> reply.later(proceed), plan.delay().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (FormCodec.MalformedRequestException e) {
      reply.fail(400, 40002, "Invalid request parameters", e.getMessage());
    } catch (IOException e) {
      reply.drop();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "simulator error on " + method + " " + path, e);
      reply.fail(500, 50000, "Internal server error", null);
    }
  }

  private void proceed(HttpExchange exchange, String method, String path, String endpoint,
      Map<String, List<String>> params, Map<String, List<String>> query, byte[] body, Fault failure, Reply reply) {
    try {
      if (failure != null) {
        reply.log().fault = failure.kind().name().toLowerCase(Locale.ROOT);
        fail(failure, reply);
        return;
      }
      if (endpoint.equals("ping")) {
        reply.ok(Map.of("time", state.clock.now().getEpochSecond()));
        return;
      }
      SignatureVerifier.Outcome outcome = verifier.verify(new SignatureVerifier.SignedRequest(method,
          exchange.getRequestHeaders().getFirst("Host"), path, params, query, body, exchange.getRequestHeaders()));
      if (!outcome.verified()) {
        reply.fail(outcome.httpStatus(), outcome.code(), outcome.message(), null);
        return;
      }
      reply.log().signatureVersion = outcome.version();
      reply.log().integrationKey = outcome.integration().integrationKey();
      if (!outcome.integration().isAuthApi()) {
        reply.fail(403, 40301, "Access forbidden", "Wrong integration type for this API.");
        return;
      }
      api.handle(endpoint, outcome.integration(), params, reply);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "simulator error on " + method + " " + path, e);
      reply.fail(500, 50000, "Internal server error", null);
    }
  }

  private static void fail(Fault fault, Reply reply) {
    switch (fault.kind()) {
      case SERVER_ERROR:
        reply.fail(fault.httpStatus(), fault.httpStatus() * 100, serverMessage(fault.httpStatus()), null);
        break;
      case CLIENT_ERROR:
        clientError(fault.httpStatus(), reply);
        break;
      case RATE_LIMIT:
        reply.log().errorCode = 42901;
        reply.json(429, Json.fail(42901, "Too Many Requests", null), fault.retryAfterSeconds() == null
            ? Map.of() : Map.of("Retry-After", Integer.toString(fault.retryAfterSeconds())));
        break;
      case MALFORMED_JSON:
        reply.send(200, "application/json",
            "{\"stat\": \"OK\", \"response\": {\"result\": \"al".getBytes(StandardCharsets.UTF_8), Map.of());
        break;
      default:
        reply.drop();
    }
  }

  private static void clientError(int status, Reply reply) {
    switch (status) {
      case 401:
        reply.fail(401, 40103, "Invalid signature in request credentials", null);
        break;
      case 403:
        reply.fail(403, 40301, "Access forbidden", "Wrong integration type for this API.");
        break;
      default:
        reply.fail(400, 40002, "Invalid request parameters", "device");
    }
  }

  private static String serverMessage(int status) {
    switch (status) {
      case 500:
        return "Internal server error";
      case 502:
        return "Bad gateway";
      case 503:
        return "Service unavailable";
      case 504:
        return "Gateway timeout";
      default:
        return "Server error";
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new FormCodec.MalformedRequestException("request body too large");
    }
    return body;
  }

  /** Parameters of a JSON body (signature v4/v5): an object whose values become strings. */
  private static Map<String, List<String>> jsonParams(byte[] body) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (body.length == 0) {
      return out;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new FormCodec.MalformedRequestException("body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new FormCodec.MalformedRequestException("body must be a JSON object");
    }
    root.properties().forEach(field -> {
      List<String> values = new ArrayList<>();
      JsonNode v = field.getValue();
      if (v.isArray()) {
        v.forEach(item -> values.add(item.asText()));
      } else if (!v.isNull()) {
        values.add(v.isValueNode() ? v.asText() : v.toString());
      }
      out.put(field.getKey(), values);
    });
    return out;
  }
}
