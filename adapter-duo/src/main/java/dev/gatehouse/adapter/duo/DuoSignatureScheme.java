package dev.gatehouse.adapter.duo;

/** The request signature schemes of duo-auth-api.md §3.1 that this adapter can produce. */
enum DuoSignatureScheme {
  V2_HMAC_SHA1(2, "HmacSHA1", false),
  V2_HMAC_SHA512(2, "HmacSHA512", false),
  /** Date line, body hash and x-duo header hash; POST bodies are JSON. */
  V5_HMAC_SHA512(5, "HmacSHA512", true);

  private final int version;
  private final String macAlgorithm;
  private final boolean jsonBodies;

  DuoSignatureScheme(int version, String macAlgorithm, boolean jsonBodies) {
    this.version = version;
    this.macAlgorithm = macAlgorithm;
    this.jsonBodies = jsonBodies;
  }

  int version() {
    return version;
  }

  String macAlgorithm() {
    return macAlgorithm;
  }

  boolean jsonBodies() {
    return jsonBodies;
  }

  static DuoSignatureScheme of(DuoConfig.Signature signature) {
    return switch (signature) {
      case V2_HMAC_SHA512 -> V2_HMAC_SHA512;
      case V2_HMAC_SHA1 -> V2_HMAC_SHA1;
      case V5_HMAC_SHA512 -> V5_HMAC_SHA512;
    };
  }
}
