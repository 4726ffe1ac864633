package dev.gatehouse.adapter.rest;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id of one request: the caller's {@code X-Request-Id} when it is well formed (1 to 64 of
 * {@code [A-Za-z0-9._-]}, so it can never smuggle a header, a log line or markup), a fresh random
 * one otherwise. It is echoed in the response, put in the logging context (MDC) and named in
 * problem documents as their {@code instance}.
 */
final class RestRequestId {
  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "requestId";
  static final String ATTRIBUTE = "gatehouse.requestId";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RestRequestId() {}

  /** The caller's id if well formed, else a new one from {@code generator}. */
  static String accept(String header, Supplier<String> generator) {
    return header != null && WELL_FORMED.matcher(header).matches() ? header : generator.get();
  }

  /** The caller's id if well formed, else 16 random bytes in hex. */
  static String accept(String header) {
    return accept(header, RestRequestId::generate);
  }

  static String generate() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The problem document's {@code instance} for a request. */
  static String instance(String id) {
    return "urn:gatehouse:request:" + id;
  }

  /** Runs {@code action} with the id in the logging context of this thread, restoring what was there. */
  static void withMdc(String id, Runnable action) {
    String before = MDC.get(MDC_KEY);
    if (id != null) {
      MDC.put(MDC_KEY, id);
    }
    try {
      action.run();
    } finally {
      if (before == null) {
        MDC.remove(MDC_KEY);
      } else {
        MDC.put(MDC_KEY, before);
      }
    }
  }
}
