package dev.gatehouse.duosim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Signs and sends Auth API requests to a simulator over HTTPS (HTTP/1.1), with knobs for tampering. */
final class DuoTestClient {

  static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One response: status, headers and the body (as JSON when it parses). */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
      }
    }

    JsonNode response() {
      return json().get("response");
    }

    int code() {
      return json().path("code").asInt();
    }

    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final DuoSimulator sim;
  private final HttpClient http;
  String ikey;
  String skey;
  int version = 2;
  String algorithm = "HmacSHA512";
  String signingHost;
  ZonedDateTime dateOverride;
  boolean useXDuoDate;
  Map<String, String> extraDuoHeaders = new TreeMap<>();

  DuoTestClient(DuoSimulator sim) {
    this.sim = sim;
    this.ikey = sim.integrationKey();
    this.skey = sim.secretKey();
    this.signingHost = "127.0.0.1";
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    if (sim.baseUri().getScheme().equals("https")) {
      builder.sslContext(sim.sslContext());
    }
    this.http = builder.build();
  }

  DuoTestClient v5() {
    version = 5;
    algorithm = "HmacSHA512";
    return this;
  }

  DuoTestClient sha1() {
    algorithm = "HmacSHA1";
    return this;
  }

  static Map<String, String> params(String... kv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put(kv[i], kv[i + 1]);
    }
    return out;
  }

  Response get(String path, String... kv) {
    return send("GET", path, params(kv));
  }

  Response post(String path, String... kv) {
    return send("POST", path, params(kv));
  }

  Response send(String method, String path, Map<String, String> params) {
    String date = (dateOverride != null ? dateOverride : ZonedDateTime.now()).format(RFC_2822);
    boolean bodyMethod = method.equals("POST");
    byte[] body = new byte[0];
    Map<String, String> canonParams = params;
    String contentType = "application/x-www-form-urlencoded";
    if (version >= 4 && bodyMethod) {
      try {
        body = MAPPER.writeValueAsBytes(new TreeMap<>(params));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      canonParams = Map.of();
      contentType = "application/json";
    } else if (bodyMethod) {
      // Python-style wire encoding: spaces as '+', which the server must decode before canonicalising.
      body = TestSigner.params(params).replace("%20", "+").getBytes(StandardCharsets.US_ASCII);
    }
    Map<String, String> duoHeaders = new TreeMap<>(extraDuoHeaders);
    if (useXDuoDate) {
      duoHeaders.put("X-Duo-Date", date);
    }
    String canonical = TestSigner.canonical(version, date, method, signingHost, path, canonParams, body, duoHeaders);
    String sig = TestSigner.hmac(algorithm, skey, canonical);
    String uri = sim.baseUri() + path + (bodyMethod || params.isEmpty() ? "" : "?" + TestSigner.params(params));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", TestSigner.authorization(ikey, sig));
    if (!useXDuoDate) {
      request.header("Date", date);
    }
    duoHeaders.forEach(request::header);
    if (bodyMethod) {
      request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return raw(request.build());
  }

  Response raw(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpClient http() {
    return http;
  }

  /** A call to the unsigned control API. */
  Response control(String method, String path, String jsonBody) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + path)).timeout(Duration.ofSeconds(10));
    if (jsonBody == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    return raw(b.build());
  }
}
