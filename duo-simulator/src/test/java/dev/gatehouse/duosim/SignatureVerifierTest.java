package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every test vector of duo-auth-api.md §6 verifies; tampering with any signed part fails with the right code. */
class SignatureVerifierTest {

  static final String IKEY = "DIWJ8X6AEYOR5OMC6TQ1";
  static final String SKEY = "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep";
  static final String HOST = "api-XXXXXXXX.duosecurity.com";
  static final String DATE = "Tue, 21 Aug 2012 17:29:18 -0000";
  static final Instant NOW = Instant.parse("2012-08-21T17:29:18Z");

  /** One §6 request with its four published signatures and, for v5, the JSON body sent. */
  record Vector(String name, String method, String path, Map<String, String> params, String v2Sha1,
      String v2Sha512, String v1Sha1, String v5, String v5Body) {}

  static Map<String, String> p(String... kv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put(kv[i], kv[i + 1]);
    }
    return out;
  }

  static final List<Vector> VECTORS = List.of(
      new Vector("V1", "GET", "/auth/v2/check", p(),
          "7853b89caba1fc31caee236cdf1de4922fef899f",
          "2da6ea8a7fcee59edeae46512da92c44be7fff870c34a93e219d487e2e49d790488b3a436d9175357799be45bc923a599cfce92b7178a58dd694f60a794d47e9",
          "075d37d4c57312e3de480b2e0d7713c72a635bd1",
          "def3dd5beb009592aaa48072f086ab05547491e88c3afd99fa6177c0b697027e645df3a0580d41e9e62fbf503964079363491c744c4d574761f3cc9d3303ceda",
          null),
      new Vector("V2", "POST", "/auth/v2/preauth", p("username", "root"),
          "f369a66322ab94ce32fb2d1b05b4b6ec4454ab6c",
          "9b253007f576e41ade81fe3e4deac6ce3e6a3945ca904e3eb37f4152af4bea092acf41a054a7f381b120be4ba6e074326f5cb726fefdd2fe213afde91fcbe405",
          "d10d5330dac27889cacd22eac65fbe76418524f3",
          "e237ccf76d54c9d2374d30e6f042861c420654cef0d922be7f1ed3fbfb1c000d47bc8646c3508789add4821b7250dd706996fd26e9cecc3c9d25a16ba6764868",
          "{\"username\":\"root\"}"),
      new Vector("V3", "POST", "/accounts/v1/account/list", p("realname", "First Last", "username", "root"),
          "2d97d6166319781b5a3a07af39d366f491234edc",
          "1bffb8924348f7db7da9e7d7d749ded93aafd02d8e904960da7b96c57510220185a64a2827ee8f24ac5d30802a9ee97e59de44b304b18242f0d596d15a8122af",
          "1d55d9c345f5305c7a26f6f44674b4939670b194",
          "657efcf5fe6d879148dc590cf3cfe1aa671fe22e558899795e22cc646d4f7d4fb64c0c70bff987dd4c0ab4630010401906631a43b0f29c8f6139bdd29e30f681",
          "{\"realname\":\"First Last\",\"username\":\"root\"}"),
      new Vector("V4", "POST", "/auth/v2/auth", p("username", "alice", "factor", "push", "device", "auto", "async", "1",
          "pushinfo", "from=login portal&domain=example.com", "type", "Transfer", "display_username", "Alice \u00dc"),
          "34752a5b9d8d41c035a8b50d391dcd8fa3bde475",
          "3a5099925d7e763dd516cc33e69f7cf0ffacae563e7bc85e572e7190bf4bc0d50e387b2391809df405bace4468311aa474cceb744de1be7f4a83550498623a6b",
          "0d5d48f9b2b790c6dd4f572b31dcc5bb7903bca1",
          "8e58240c664171ac6d09df4964ddf1f28492c134f998c177b84c84426e7195e8af600b8c457cf66da98370cb4fbcb1395df0596cc7196c90003abd3ec2c33fc7",
          "{\"async\":\"1\",\"device\":\"auto\",\"display_username\":\"Alice \\u00dc\",\"factor\":\"push\","
              + "\"pushinfo\":\"from=login portal&domain=example.com\",\"type\":\"Transfer\",\"username\":\"alice\"}"),
      new Vector("V5", "POST", "/auth/v2/auth", p("username", "\u00fcn\u00efc\u00f8d\u00e9 \u2603", "factor", "passcode",
          "passcode", "a~b*c+d/e=f&g h!'()"),
          "1f0bc265d3ec0402b59cb014aea4d5b48eddf749",
          "04507089b910e36e46eb269b980e7f69b27fe4d471298e92930c343949fa3bfd1a61fe4315fcba95e782bac7470fa8e1c952aa7e1649245c01229d62fdba6933",
          "cc74f3ee3b9e1d603ffe5c15f82ef760269393f9",
          "aa793e13007a36d2a479d5716f22e44627916f29b058beed732676ffbcda6946d313dd24647e515603827982ed71b0576d5d26c3525cfddb01379890b3f44ef7",
          "{\"factor\":\"passcode\",\"passcode\":\"a~b*c+d/e=f&g h!'()\",\"username\":\"\\u00fcn\\u00efc\\u00f8d\\u00e9 \\u2603\"}"),
      new Vector("V6", "GET", "/auth/v2/auth_status", p("txid", "45f7c92b-f45f-4862-8545-e0f58e78075a"),
          "79c206ff7d059d1e588ea9a83c92bbe86fbd9ae5",
          "b87b1075bc61e5c3393b5d14fc5ed0f9c8792ee90071ce76987ba519b0ff6f75776406fe25c6a0b2206a0ad3b9f1276d67ad416ae7a4a6f43dcef4cddf366df4",
          "eeb28adbb54a325228f6ca34396ee749382687ce",
          "f88fc2e68ddd844d03251be8c6ff85bd32ec85ec446038491b6a3b87399e44ca98a50d101b4cb8ab3e3acd8d2ba357e051941ef4621f3a8e8da343aa29792e71",
          null),
      new Vector("V7", "GET", "/auth/v2/auth_status", p("txid", "a b~c*d+e/f=g&h", "zz", "\u00fcn\u00ef \u2603"),
          "5ca841e1a26fb5f55c8d79b40c511a9923c7a16c",
          "c6d0ab0107c553502859b02cf8cb6497055fa20b95c821a1c177fc76327e3acdfad9b51bb2d9a4bbe0243228f007f1cb8cacbac5a4529ea05b80a4314bc0789c",
          "04685bb87d02a9a51d26d6c7916bb28c9f5b4303",
          "c3c24ff899fb458fb7e47191fc9432a928bc2ef0cace04f1fdb6109caeaed689d3c1ee54ef1ebf8a576291576d9e4b43fce1e2dfb8ec44e8679697400bac6cda",
          null));

  static SignatureVerifier verifier(List<String> configuredHosts) {
    Scenario.Integration auth = new Scenario.Integration(IKEY, SKEY, "auth_api");
    return new SignatureVerifier(ikey -> ikey.equals(IKEY) ? auth : null, () -> NOW, () -> 300L,
        Set.of(1, 2, 4, 5), configuredHosts);
  }

  static Map<String, List<String>> multi(Map<String, String> params) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, List.of(v)));
    return out;
  }

  static Map<String, List<String>> headers(String sig, String date) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("Authorization", List.of(TestSigner.authorization(IKEY, sig)));
    if (date != null) {
      h.put("Date", List.of(date));
    }
    return h;
  }

  /** A form-bodied (v1/v2) request as the wire delivers it. */
  static SignatureVerifier.SignedRequest form(Vector v, String host, String sig, String date) {
    boolean get = v.method().equals("GET");
    return new SignatureVerifier.SignedRequest(v.method(), host, v.path(), multi(v.params()),
        get ? multi(v.params()) : Map.of(), new byte[0], headers(sig, date));
  }

  static SignatureVerifier.SignedRequest json(Vector v, String host, String sig, String date, String body) {
    boolean get = v.method().equals("GET");
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return new SignatureVerifier.SignedRequest(v.method(), host, v.path(), multi(v.params()),
        get ? multi(v.params()) : Map.of(), bytes, headers(sig, date));
  }

  static Stream<Arguments> signatures() {
    List<Arguments> out = new ArrayList<>();
    for (Vector v : VECTORS) {
      out.add(Arguments.of(v.name() + " v2-sha1", v, v.v2Sha1(), "v2-sha1"));
      out.add(Arguments.of(v.name() + " v2-sha512", v, v.v2Sha512(), "v2-sha512"));
      out.add(Arguments.of(v.name() + " v1-sha1", v, v.v1Sha1(), "v1-sha1"));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatures")
  void publishedFormSignatureVerifies(String name, Vector v, String sig, String expectedVersion) {
    SignatureVerifier.Outcome outcome = verifier(List.of()).verify(form(v, HOST.toLowerCase(), sig, DATE));

    assertThat(outcome.verified()).as(outcome.message()).isTrue();
    assertThat(outcome.version()).isEqualTo(expectedVersion);
  }

  static Stream<Arguments> v5Vectors() {
    return VECTORS.stream().map(v -> Arguments.of(v.name() + " v5", v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v5Vectors")
  void publishedV5SignatureVerifies(String name, Vector v) {
    SignatureVerifier.Outcome outcome = verifier(List.of()).verify(json(v, HOST, v.v5(), DATE, v.v5Body()));

    assertThat(outcome.verified()).as(outcome.message()).isTrue();
    assertThat(outcome.version()).isEqualTo("v5");
  }

  @Test
  void hostWithPortAndMixedCaseIsAccepted() {
    Vector v = VECTORS.get(1);
    assertThat(verifier(List.of()).verify(form(v, "API-xxxxxxxx.duosecurity.com:443", v.v2Sha1(), DATE)).verified())
        .isTrue();
  }

  @Test
  void configuredHostnameIsAcceptedWhatevertheHostHeader() {
    Vector v = VECTORS.get(1);
    assertThat(verifier(List.of(HOST)).verify(form(v, "127.0.0.1:8443", v.v2Sha512(), DATE)).verified()).isTrue();
  }

  @Test
  void xDuoDateIsPreferredToDate() {
    Vector v = VECTORS.get(0);
    Map<String, List<String>> h = headers(v.v2Sha1(), "Tue, 21 Aug 2012 17:29:19 -0000");
    h.put("X-Duo-Date", List.of(DATE));
    SignatureVerifier.SignedRequest r = new SignatureVerifier.SignedRequest("GET", HOST, v.path(), Map.of(), Map.of(),
        new byte[0], h);
    assertThat(verifier(List.of()).verify(r).verified()).isTrue();
  }

  @Test
  void tamperedMethodFails() {
    Vector v = VECTORS.get(3);
    SignatureVerifier.SignedRequest r = form(v, HOST, v.v2Sha512(), DATE);
    r = new SignatureVerifier.SignedRequest("PUT", r.hostHeader(), r.path(), r.params(), r.queryParams(), r.body(),
        r.headers());
    assertThat(verifier(List.of()).verify(r).code()).isEqualTo(40103);
  }

  @Test
  void tamperedHostFails() {
    Vector v = VECTORS.get(3);
    assertThat(verifier(List.of()).verify(form(v, "api-yyyyyyyy.duosecurity.com", v.v2Sha1(), DATE)).code())
        .isEqualTo(40103);
  }

  @Test
  void tamperedPathFails() {
    Vector v = VECTORS.get(3);
    SignatureVerifier.SignedRequest r = form(v, HOST, v.v2Sha512(), DATE);
    r = new SignatureVerifier.SignedRequest(r.method(), r.hostHeader(), "/auth/v2/preauth", r.params(),
        r.queryParams(), r.body(), r.headers());
    assertThat(verifier(List.of()).verify(r).code()).isEqualTo(40103);
  }

  @Test
  void tamperedParameterFails() {
    Vector v = VECTORS.get(3);
    Map<String, String> params = new LinkedHashMap<>(v.params());
    params.put("username", "mallory");
    Vector tampered = new Vector(v.name(), v.method(), v.path(), params, v.v2Sha1(), v.v2Sha512(), v.v1Sha1(), v.v5(),
        v.v5Body());
    assertThat(verifier(List.of()).verify(form(tampered, HOST, v.v2Sha1(), DATE)).code()).isEqualTo(40103);
    assertThat(verifier(List.of()).verify(form(tampered, HOST, v.v1Sha1(), DATE)).code()).isEqualTo(40103);
  }

  @Test
  void tamperedBodyFails() {
    Vector v = VECTORS.get(3);
    String body = v.v5Body().replace("\"Transfer\"", "\"Transfer \"");
    assertThat(verifier(List.of()).verify(json(v, HOST, v.v5(), DATE, body)).code()).isEqualTo(40103);
  }

  @Test
  void tamperedXDuoHeaderFails() {
    Vector v = VECTORS.get(0);
    SignatureVerifier.SignedRequest r = json(v, HOST, v.v5(), DATE, null);
    r.headers().put("X-Duo-Extra", List.of("added after signing"));
    assertThat(verifier(List.of()).verify(r).code()).isEqualTo(40103);
  }

  @Test
  void tamperedDateInsideTheWindowFails() {
    Vector v = VECTORS.get(3);
    assertThat(verifier(List.of()).verify(form(v, HOST, v.v2Sha1(), "Tue, 21 Aug 2012 17:29:19 -0000")).code())
        .isEqualTo(40103);
  }

  @Test
  void dateOutsideTheWindowFailsAsBadTimestamp() {
    Vector v = VECTORS.get(3);
    SignatureVerifier.Outcome outcome =
        verifier(List.of()).verify(form(v, HOST, v.v2Sha1(), "Tue, 21 Aug 2012 17:34:19 -0000"));
    assertThat(outcome.httpStatus()).isEqualTo(401);
    assertThat(outcome.code()).isEqualTo(40105);
    assertThat(outcome.message()).isEqualTo("Bad request timestamp");
  }

  @Test
  void malformedDateFailsAsBadTimestamp() {
    Vector v = VECTORS.get(3);
    assertThat(verifier(List.of()).verify(form(v, HOST, v.v2Sha1(), "yesterday")).code()).isEqualTo(40105);
  }

  @Test
  void missingDateFailsForDatedSignatures() {
    Vector v = VECTORS.get(3);
    SignatureVerifier.Outcome outcome = verifier(List.of()).verify(form(v, HOST, v.v2Sha512(), null));
    assertThat(outcome.code()).isEqualTo(40105);
    assertThat(outcome.message()).isEqualTo("Missing request timestamp");
  }

  @Test
  void v1NeedsNoDate() {
    Vector v = VECTORS.get(3);
    assertThat(verifier(List.of()).verify(form(v, HOST, v.v1Sha1(), null)).version()).isEqualTo("v1-sha1");
  }

  @Test
  void missingCredentialsFail() {
    Vector v = VECTORS.get(0);
    SignatureVerifier.SignedRequest r = new SignatureVerifier.SignedRequest("GET", HOST, v.path(), Map.of(), Map.of(),
        new byte[0], Map.of("Date", List.of(DATE)));
    SignatureVerifier.Outcome outcome = verifier(List.of()).verify(r);
    assertThat(outcome.httpStatus()).isEqualTo(401);
    assertThat(outcome.code()).isEqualTo(40101);
  }

  @Test
  void unknownIntegrationKeyFails() {
    Vector v = VECTORS.get(0);
    Map<String, List<String>> h = headers(v.v2Sha1(), DATE);
    h.put("Authorization", List.of(TestSigner.authorization("DIUNKNOWN00000000000", v.v2Sha1())));
    SignatureVerifier.SignedRequest r = new SignatureVerifier.SignedRequest("GET", HOST, v.path(), Map.of(), Map.of(),
        new byte[0], h);
    assertThat(verifier(List.of()).verify(r).code()).isEqualTo(40102);
  }

  @Test
  void plusEncodedCanonicalStringIsNotAccepted() {
    Vector v3 = VECTORS.get(2);
    assertThat(verifier(List.of()).verify(form(v3, HOST, "c423a17fe94ccbf3004533cab496ae06216b90be", DATE)).code())
        .isEqualTo(40103);
  }

  @Test
  void emptyParameterLineVectorVerifies() {
    Vector v3 = VECTORS.get(2);
    Vector noParams = new Vector("V3-empty", v3.method(), v3.path(), Map.of(), null, null, null, null, null);
    assertThat(verifier(List.of()).verify(form(noParams, HOST, "1f3107d3856797e459d29a440c6e79ead6b7163f", DATE))
        .verified()).isTrue();
  }

  @Test
  void disabledVersionIsRejected() {
    Vector v = VECTORS.get(0);
    Scenario.Integration auth = new Scenario.Integration(IKEY, SKEY, "auth_api");
    SignatureVerifier v2Only = new SignatureVerifier(k -> auth, () -> NOW, () -> 300L, Set.of(2), List.of());
    assertThat(v2Only.verify(form(v, HOST, v.v1Sha1(), DATE)).code()).isEqualTo(40103);
    assertThat(v2Only.verify(form(v, HOST, v.v2Sha1(), DATE)).verified()).isTrue();
  }

  @Test
  void duoHeaderHashMatchesPythonVector() {
    assertThat(SignatureVerifier.duoHeadersHash(Map.of("X-Duo-Header-1", List.of("header_value_1"))))
        .isEqualTo("630b4bfe7e9abd03da2eee8f0a5d4e60a254ec880a839bcc2223bb5b9443e8ef24d58f0254f1f5934bf8c017ebd0fd5b1acf86766bdbe74185e712a4092df3ed");
    assertThat(SignatureVerifier.duoHeadersHash(Map.of("x-duo-date", List.of(DATE), "Date", List.of("ignored"))))
        .isEqualTo("379dbaf99303e804a3d9f0a2e4d8c4c99397911addce373e45e217371ebbda6b283b3d9e81e4938add811b5817928f843c53d07f9d57f190c9795ad259131a41");
    assertThat(SignatureVerifier.duoHeadersHash(Map.of())).isEqualTo(SignatureVerifier.SHA512_OF_EMPTY);
  }

  @Test
  void canonicalParametersMatchV7() {
    Vector v7 = VECTORS.get(6);
    assertThat(FormCodec.canonicalParams(multi(v7.params())))
        .isEqualTo("txid=a%20b~c%2Ad%2Be%2Ff%3Dg%26h&zz=%C3%BCn%C3%AF%20%E2%98%83");
  }

  @Test
  void formDecodingTurnsPlusIntoSpaceBeforeCanonicalising() {
    Map<String, List<String>> decoded = FormCodec.decode("realname=First+Last&username=root&x=a%2Bb");
    assertThat(decoded).containsEntry("realname", List.of("First Last")).containsEntry("x", List.of("a+b"));
    assertThat(FormCodec.canonicalParams(decoded)).isEqualTo("realname=First%20Last&username=root&x=a%2Bb");
  }

  @Test
  void repeatedNamesSortByEncodedValue() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("b", List.of("2", "1"));
    params.put("a", List.of("z"));
    assertThat(FormCodec.canonicalParams(params)).isEqualTo("a=z&b=1&b=2");
  }
}
