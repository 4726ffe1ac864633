package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.RequestTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing beyond the §6 table: upstream python vectors, negative vectors, hashes, header handling. */
class DuoSignerTest {
  private static final String IKEY = "DIWJ8X6AEYOR5OMC6TQ1";
  private static final String SKEY = "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep";
  private static final String HOST = "api-XXXXXXXX.duosecurity.com";
  private static final String DATE = "Tue, 21 Aug 2012 17:29:18 -0000";

  /** duo_client_python tests/test_client.py TestSign: mixed-case host and method, four unicode params. */
  private static final List<Map.Entry<String, String>> PYTHON_PARAMS = List.of(
      Map.entry("\u469a\u287b\u35d0\u8ef3\u6727\u502a\u0810\ud091\u00c8\uc170",
          "\u0f45\u1a76\u341a\u654c\uc23f\u9b09\uabe2\u8343\u1b27\u60d0"),
      Map.entry("\u7449\u7e4b\uccfb\u59ff\ufe5f\u83b7\uadcc\u900c\ucfd1\u7813",
          "\u8db7\u5022\u92d3\u42ef\u207d\u8730\uacfe\u5617\u0946\u4e30"),
      Map.entry("\u7470\u9314\u901c\u9eae\u40d8\u4201\u82d8\u8c70\u1d31\ua042",
          "\u17d9\u0ba8\u9358\uaadf\ua42a\u48be\ufb96\u6fe9\ub7ff\u32f3"),
      Map.entry("\uc2c5\u2c1d\u2620\u3617\u96b3F\u8605\u20e8\uac21\u5934",
          "\ufba9\u41aa\ubd83\u840b\u2615\u3e6e\u652d\ua8b5\ud56bU"));

  private static String pythonCanonical(DuoSignatureScheme scheme) {
    return DuoSigner.canonical(scheme, "Fri, 07 Dec 2012 17:18:00 -0000", "PoSt", "foO.BAr52.cOm",
        "/Foo/BaR2/qux", PYTHON_PARAMS, null, Map.of());
  }

  @Test
  void matchesDuosPythonUnitTestVectorWithHmacSha1() {
    DuoSigner signer = new DuoSigner(DuoSignatureScheme.V2_HMAC_SHA1, "test_ikey",
        "gtdfxv9YgVBYcF6dl2Eq17KUQJN2PLM2ODVTkvoT");

    assertThat(signer.signature(pythonCanonical(DuoSignatureScheme.V2_HMAC_SHA1)))
        .isEqualTo("f01811cbbf9561623ab45b893096267fd46a5178");
  }

  @Test
  void matchesDuosPythonUnitTestVectorWithHmacSha512() {
    DuoSigner signer = new DuoSigner(DuoSignatureScheme.V2_HMAC_SHA512, "test_ikey",
        "gtdfxv9YgVBYcF6dl2Eq17KUQJN2PLM2ODVTkvoT");

    assertThat(signer.signature(pythonCanonical(DuoSignatureScheme.V2_HMAC_SHA512))).isEqualTo(
        "0508065035a03b2a1de2f453e629e791d180329e157f65df6b3e0f08299d4321e1c5c7a7c7ee6b9e5fc80d1fb6fbf3ad5eb7c44dd3b3985a02c37aca53ec3698");
  }

  @Test
  void spaceAsPlusGivesTheDocumentedWrongSignature() {
    DuoSigner signer = new DuoSigner(DuoSignatureScheme.V2_HMAC_SHA1, IKEY, SKEY);
    String wrong = DATE + "\nPOST\napi-xxxxxxxx.duosecurity.com\n/accounts/v1/account/list\nrealname=First+Last&username=root";
    String right = DuoSigner.canonical(DuoSignatureScheme.V2_HMAC_SHA1, DATE, "POST", HOST, "/accounts/v1/account/list",
        List.of(Map.entry("username", "root"), Map.entry("realname", "First Last")), null, Map.of());

    assertThat(signer.signature(wrong)).isEqualTo("c423a17fe94ccbf3004533cab496ae06216b90be");
    assertThat(right).endsWith("realname=First%20Last&username=root");
    assertThat(signer.signature(right)).isEqualTo("2d97d6166319781b5a3a07af39d366f491234edc");
  }

  @Test
  void signsAnEmptyParamsLineWhenThereAreNoParams() {
    DuoSigner signer = new DuoSigner(DuoSignatureScheme.V2_HMAC_SHA1, IKEY, SKEY);
    String canonical = DuoSigner.canonical(DuoSignatureScheme.V2_HMAC_SHA1, DATE, "POST", HOST,
        "/accounts/v1/account/list", List.of(), null, Map.of());

    assertThat(canonical).endsWith("/accounts/v1/account/list\n");
    assertThat(signer.signature(canonical)).isEqualTo("1f3107d3856797e459d29a440c6e79ead6b7163f");
  }

  @Test
  void hashesBodiesAndDuoHeadersAsDocumented() {
    assertThat(DuoSigner.sha512Hex(new byte[0])).startsWith("cf83e1357eefb8bd").endsWith("a538327af927da3e");
    assertThat(DuoSigner.sha512Hex("{}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("27c74670adb75075fad058d5ceaf7b20c4e7786c83bae8a32f626f9782af34c9a33c2046ef60fd2a7878d378e29fec851806bbd9a67878f3a9f1cda4830763fd");
    String withHeader = DuoSigner.canonical(DuoSignatureScheme.V5_HMAC_SHA512, DATE, "GET", HOST, "/x", List.of(),
        null, Map.of("X-Duo-Header-1", "header_value_1"));
    String withDate = DuoSigner.canonical(DuoSignatureScheme.V5_HMAC_SHA512, DATE, "GET", HOST, "/x", List.of(),
        null, Map.of("x-duo-date", DATE));

    assertThat(withHeader).endsWith("\n630b4bfe7e9abd03da2eee8f0a5d4e60a254ec880a839bcc2223bb5b9443e8ef24d58f0254f1f5934bf8c017ebd0fd5b1acf86766bdbe74185e712a4092df3ed");
    assertThat(withDate).endsWith("\n379dbaf99303e804a3d9f0a2e4d8c4c99397911addce373e45e217371ebbda6b283b3d9e81e4938add811b5817928f843c53d07f9d57f190c9795ad259131a41");
  }

  @Test
  void signsEveryAttemptWithAFreshDateAndReplacesTheHeaders() {
    Deque<String> dates = new ArrayDeque<>(List.of(DATE, "Tue, 21 Aug 2012 17:29:19 -0000"));
    DuoSigningInterceptor interceptor = new DuoSigningInterceptor(
        new DuoSigner(DuoSignatureScheme.V2_HMAC_SHA512, IKEY, SKEY), HOST, dates::removeFirst);
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.GET).uri("/auth/v2/check")
        .resolve(Map.of());

    interceptor.apply(template);
    String first = template.headers().get("Authorization").iterator().next();
    interceptor.apply(template);

    assertThat(template.headers().get("Date")).containsExactly("Tue, 21 Aug 2012 17:29:19 -0000");
    assertThat(template.headers().get("Authorization")).hasSize(1).doesNotContain(first);
  }

  @Test
  void leavesPingUnsigned() {
    DuoSigningInterceptor interceptor = new DuoSigningInterceptor(
        new DuoSigner(DuoSignatureScheme.V2_HMAC_SHA512, IKEY, SKEY), HOST, () -> DATE);
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.GET).uri("/auth/v2/ping")
        .resolve(Map.of());

    interceptor.apply(template);

    assertThat(template.headers()).doesNotContainKeys("Authorization", "Date");
  }

  @Test
  void neverPrintsTheSecretKey() {
    DuoSigner signer = new DuoSigner(DuoSignatureScheme.V2_HMAC_SHA512, IKEY, SKEY);

    assertThat(signer.toString()).doesNotContain(SKEY).contains("redacted");
  }
}
