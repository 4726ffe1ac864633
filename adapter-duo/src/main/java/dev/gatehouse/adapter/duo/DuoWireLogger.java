package dev.gatehouse.adapter.duo;

import feign.Request;
import feign.Response;
import feign.Util;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's wire log at SLF4J DEBUG (logger {@code dev.gatehouse.adapter.duo.wire}), with the
 * Authorization header, passcodes, trusted-device tokens, activation codes and Verified Duo Push
 * codes (also inside Duo's status messages) redacted. The secret
 * key never reaches a request, so it cannot reach the log.
 */
final class DuoWireLogger extends feign.Logger {
  static final String NAME = "dev.gatehouse.adapter.duo.wire";
  static final String REDACTED = "[redacted]";
  private static final Pattern SECRET_FORM = Pattern.compile(
      "((?:^|&)(?:passcode|trusted_device_token|activation_code)=)[^&]*");
  private static final Pattern SECRET_JSON = Pattern.compile(
      "(\"(?:passcode|trusted_device_token|activation_code|activation_url|activation_barcode"
          + "|verification_code)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");
  private static final Pattern CODE_NUMBER = Pattern.compile("(\"verification_code\"\\s*:\\s*)\\d+");
  /** A Verified Duo Push's code as Duo's status message words it ("enter verification code 708"). */
  private static final Pattern CODE_IN_TEXT = Pattern.compile("(?i)(verification\\W{1,3}code\\W{0,3})\\d+");

  private final Logger log;

  DuoWireLogger() {
    this(LoggerFactory.getLogger(NAME));
  }

  DuoWireLogger(Logger log) {
    this.log = log;
  }

  static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = SECRET_FORM.matcher(text).replaceAll("$1" + REDACTED);
    out = SECRET_JSON.matcher(out).replaceAll("$1" + REDACTED + "$2");
    out = CODE_NUMBER.matcher(out).replaceAll("$1\"" + REDACTED + "\"");
    return CODE_IN_TEXT.matcher(out).replaceAll("$1" + REDACTED);
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (log.isDebugEnabled()) {
      log.debug("{} {}", tag(configKey), String.format(format, args));
    }
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    if (!log.isDebugEnabled()) {
      return;
    }
    log(configKey, "---> %s %s", request.httpMethod().name(), redact(request.url()));
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      for (String value : header.getValue()) {
        boolean secret = header.getKey().equalsIgnoreCase("Authorization");
        log(configKey, "%s: %s", header.getKey(), secret ? REDACTED : value);
      }
    }
    if (request.body() != null && logLevel.ordinal() >= Level.FULL.ordinal()) {
      log(configKey, "%s", redact(new String(request.body(), StandardCharsets.UTF_8)));
    }
    log(configKey, "---> END HTTP (%s-byte body)", request.body() == null ? 0 : request.body().length);
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response,
      long elapsedTime) throws IOException {
    if (!log.isDebugEnabled()) {
      return response;
    }
    log(configKey, "<--- HTTP %s (%sms)", response.status(), elapsedTime);
    if (response.body() == null) {
      return response;
    }
    byte[] body = Util.toByteArray(response.body().asInputStream());
    Util.ensureClosed(response.body());
    String contentType = DuoResponseDecoder.header(response, "Content-Type");
    if (logLevel.ordinal() >= Level.FULL.ordinal() && !contentType.startsWith("image/")) {
      log(configKey, "%s", redact(new String(body, StandardCharsets.UTF_8)));
    }
    log(configKey, "<--- END HTTP (%s-byte body)", body.length);
    return response.toBuilder().body(body).build();
  }

  private static String tag(String configKey) {
    return configKey == null ? "" : "[" + configKey + "]";
  }
}
