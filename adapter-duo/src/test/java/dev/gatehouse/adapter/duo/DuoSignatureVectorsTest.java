package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.RequestTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every §6 vector of duo-auth-api.md (extracted verbatim into duo-signature-vectors.json) for every
 * signature the adapter produces (v2 with HMAC-SHA1 or HMAC-SHA512, v5): canonical string, HMAC,
 * Authorization header, the v5 JSON body bytes, and the whole path through the body encoder and the
 * signing interceptor.
 */
class DuoSignatureVectorsTest {
  private static final JsonNode DOC = load();
  private static final String IKEY = DOC.get("integrationKey").asText();
  private static final String SKEY = DOC.get("secretKey").asText();
  private static final String HOST = DOC.get("host").asText();
  private static final String DATE = DOC.get("date").asText();

  private static JsonNode load() {
    try (InputStream in = DuoSignatureVectorsTest.class.getResourceAsStream("/duo-signature-vectors.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> vectorsAndSchemes() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode vector : DOC.get("vectors")) {
      for (DuoSignatureScheme scheme : DuoSignatureScheme.values()) {
        out.add(Arguments.of(vector.get("name").asText() + " " + scheme, vector, scheme));
      }
    }
    return out.stream();
  }

  static Stream<Arguments> vectors() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode vector : DOC.get("vectors")) {
      out.add(Arguments.of(vector.get("name").asText(), vector));
    }
    return out.stream();
  }

  private static Map<String, String> params(JsonNode vector) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = vector.get("params").properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      params.put(e.getKey(), e.getValue().asText());
    }
    return params;
  }

  private static boolean isGet(JsonNode vector) {
    return vector.get("method").asText().equals("GET");
  }

  private static String expectedCanonical(JsonNode vector, DuoSignatureScheme scheme) {
    String v2 = vector.get("v2Canonical").asText();
    return switch (scheme) {
      case V2_HMAC_SHA1, V2_HMAC_SHA512 -> v2;
      case V5_HMAC_SHA512 -> vector.get("v5Canonical").asText();
    };
  }

  private static String canonical(JsonNode vector, DuoSignatureScheme scheme) {
    boolean jsonPost = scheme.jsonBodies() && !isGet(vector);
    byte[] body = jsonPost ? vector.get("v5Body").asText().getBytes(StandardCharsets.UTF_8) : null;
    List<Map.Entry<String, String>> params = jsonPost ? List.of() : List.copyOf(params(vector).entrySet());
    return DuoSigner.canonical(scheme, DATE, vector.get("method").asText(), HOST, vector.get("path").asText(),
        params, body, Map.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectorsAndSchemes")
  void buildsTheCanonicalStringOfTheVector(String name, JsonNode vector, DuoSignatureScheme scheme) {
    assertThat(canonical(vector, scheme)).isEqualTo(expectedCanonical(vector, scheme));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectorsAndSchemes")
  void signsTheVectorByteForByte(String name, JsonNode vector, DuoSignatureScheme scheme) {
    DuoSigner signer = new DuoSigner(scheme, IKEY, SKEY);
    String canonical = canonical(vector, scheme);

    assertThat(signer.signature(canonical)).isEqualTo(vector.get("hex").get(scheme.name()).asText());
    assertThat(signer.authorization(canonical)).isEqualTo(vector.get("authorization").get(scheme.name()).asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void writesTheV5JsonBodyExactlyAsDuosPythonClient(String name, JsonNode vector) {
    if (isGet(vector)) {
      return;
    }
    assertThat(DuoBodyEncoder.json(new java.util.TreeMap<>(params(vector))))
        .isEqualTo(vector.get("v5Body").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectorsAndSchemes")
  void encoderAndInterceptorProduceTheVectorsAuthorization(String name, JsonNode vector,
      DuoSignatureScheme scheme) {
    RequestTemplate template = new RequestTemplate()
        .method(Request.HttpMethod.valueOf(vector.get("method").asText()))
        .uri(vector.get("path").asText());
    new DuoBodyEncoder(scheme.jsonBodies()).encode(DuoParams.copyOf(params(vector)), DuoParams.class, template);
    RequestTemplate resolved = template.resolve(Map.of());

    new DuoSigningInterceptor(new DuoSigner(scheme, IKEY, SKEY), HOST, () -> DATE).apply(resolved);

    assertThat(resolved.headers().get("Authorization"))
        .containsExactly(vector.get("authorization").get(scheme.name()).asText());
    assertThat(resolved.headers().get("Date")).containsExactly(DATE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void sendsGetParametersSoTheServerDecodesWhatWasSigned(String name, JsonNode vector) {
    if (!isGet(vector)) {
      return;
    }
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.GET)
        .uri(vector.get("path").asText());
    new DuoBodyEncoder(false).encode(DuoParams.copyOf(params(vector)), DuoParams.class, template);
    String query = template.resolve(Map.of()).queryLine();

    List<Map.Entry<String, String>> decoded =
        DuoCanonical.decodePairs(query.startsWith("?") ? query.substring(1) : query);

    assertThat(decoded).containsExactlyInAnyOrderElementsOf(params(vector).entrySet());
    String canonical = DuoCanonical.params(params(vector));
    assertThat(query).isEqualTo(canonical.isEmpty() ? "" : "?" + canonical);
  }
}
