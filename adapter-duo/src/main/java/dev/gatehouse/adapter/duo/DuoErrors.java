package dev.gatehouse.adapter.duo;

import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorRejectedException.Reason;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one place where Duo's answers and transport failures become the port's failure classes
 * (design-notes.md §4): transport failure, timeout, 5xx and unparseable answers are
 * "unavailable" (failmode applies); 429 after back-off, 401, 403 and 400 are "rejected" (never
 * failmode), and so is a redirect (Gatehouse's own misconfiguration). Messages name the host and
 * Duo's code and text, never a secret, and are plain words: they reach API clients and the command
 * line, so no Java class or method name is ever part of one.
 */
final class DuoErrors {
  /**
   * A Java class name in a library's message: qualified ({@code java.io.EOFException},
   * {@code sun.security.provider.certpath.SunCertPathBuilderException}), with any following colon,
   * or a simple name ending in Exception or Error.
   */
  private static final Pattern JAVA_NAME = Pattern.compile(
      "\\b(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*|\\b)|\\b[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

  private DuoErrors() {}

  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Whether the failure is the request timeout expiring (not the connect timeout). */
  static boolean isRequestTimeout(Throwable error) {
    Throwable cause = transportCause(unwrap(error));
    return cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException);
  }

  /** The port exception for any failure of a Duo call; port exceptions pass through unchanged. */
  static RuntimeException translate(Throwable error, String host) {
    Throwable t = unwrap(error);
    if (t instanceof SecondFactorUnavailableException || t instanceof SecondFactorRejectedException) {
      return (RuntimeException) t;
    }
    if (t instanceof DuoApiException api) {
      return fromApi(api, host);
    }
    if (t instanceof DuoConfigurationException config) {
      // Like duo_unix's "cannot initialise TLS": a local misconfiguration always denies, and says
      // it is local — never "Duo refused the credentials".
      return new SecondFactorRejectedException(Reason.LOCAL_CONFIGURATION, plain(config.getMessage()));
    }
    if (t instanceof DuoRedirectException redirect) {
      return fromRedirect(redirect, host);
    }
    if (t instanceof FeignException feign && feign.getCause() instanceof DuoRedirectException redirect) {
      return fromRedirect(redirect, host);
    }
    if (t instanceof DuoProtocolException protocol) {
      return new SecondFactorUnavailableException(Kind.UNPARSEABLE,
          "Duo at " + host + " answered unusably: " + plain(protocol.getMessage()));
    }
    if (t instanceof EncodeException) {
      // Gatehouse could not build the request: Duo was never asked, so this is no failmode case.
      return new SecondFactorRejectedException(Reason.REQUEST_REJECTED,
          "Gatehouse could not build its request to Duo at " + host);
    }
    if (t instanceof FeignException feign && feign.getCause() instanceof DuoApiException api) {
      return fromApi(api, host);
    }
    if (t instanceof FeignException feign && feign.getCause() instanceof DuoProtocolException protocol) {
      return translate(protocol, host);
    }
    Throwable cause = transportCause(t);
    if (cause instanceof HttpTimeoutException timeout) {
      return new SecondFactorUnavailableException(Kind.TIMEOUT, "Duo at " + host + " did not answer in time ("
          + (timeout instanceof HttpConnectTimeoutException ? "connect" : "request") + " timeout)");
    }
    if (cause instanceof IOException io) {
      return new SecondFactorUnavailableException(Kind.UNREACHABLE, "cannot reach Duo at " + host + ": "
          + describe(io));
    }
    if (t instanceof FeignException.FeignClientException || t instanceof FeignException.FeignServerException) {
      // Feign's own text names the interface method (DuoAuthApi#preauth(..)): say only the status.
      int status = ((FeignException) t).status();
      return fromStatus(status, host, "Duo at " + host + " answered HTTP " + status);
    }
    if (t instanceof FeignException feign) {
      return new SecondFactorUnavailableException(Kind.UNPARSEABLE,
          "Duo at " + host + " answered unusably (" + unusable(feign) + ")");
    }
    if (t instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException("unexpected failure calling Duo at " + host, t);
  }

  private static String unusable(FeignException feign) {
    if (feign instanceof DecodeException) {
      return "the answer could not be decoded";
    }
    return feign.status() > 0 ? "HTTP " + feign.status() + ", the answer could not be read" : "the answer could not be read";
  }

  /** The text without Java class names, whitespace tidied; empty when nothing else was said. */
  static String plain(String text) {
    if (text == null) {
      return "";
    }
    String out = JAVA_NAME.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
    while (out.endsWith(":")) {
      out = out.substring(0, out.length() - 1).strip();
    }
    return out;
  }

  private static Throwable transportCause(Throwable t) {
    if (t instanceof RetryableException && t.getCause() != null) {
      return t.getCause();
    }
    return t;
  }

  private static String describe(IOException io) {
    if (io instanceof ConnectException) {
      return "connection refused or failed";
    }
    if (io instanceof UnknownHostException) {
      return "unknown host";
    }
    // Plain words, not Java class names: this text reaches API clients and the command line.
    String message = plain(io.getMessage());
    String detail = message.isEmpty() ? "" : " (" + message + ")";
    if (io instanceof SSLException) {
      return "TLS failure" + detail;
    }
    return "connection failed" + detail;
  }

  /**
   * A redirect is never Duo's answer: Gatehouse is pointed at the wrong host, or a proxy intercepts
   * it. Its own misconfiguration, so never a failmode case.
   */
  private static RuntimeException fromRedirect(DuoRedirectException redirect, String host) {
    String target = redirect.targetHost() == null ? "no usable target" : redirect.targetHost();
    return new SecondFactorRejectedException(Reason.LOCAL_CONFIGURATION, "Duo at " + host + " answered HTTP "
        + redirect.status() + ", a redirect to " + target + ", instead of Duo's API: check the workspace's Duo "
        + "API hostname and any proxy between Gatehouse and Duo");
  }

  static RuntimeException fromApi(DuoApiException api, String host) {
    int status = api.effectiveStatus();
    String what = "Duo at " + host + " answered " + api.getMessage();
    if (status == 429) {
      return new SecondFactorRejectedException(Reason.RATE_LIMITED, what + " after backing off");
    }
    if (status == 200 && api.httpStatus() == 200) {
      // stat FAIL in a 200 without a code we can read.
      return new SecondFactorUnavailableException(Kind.UNPARSEABLE, what);
    }
    return fromStatus(status, host, what);
  }

  private static RuntimeException fromStatus(int status, String host, String what) {
    if (status == 401) {
      return new SecondFactorRejectedException(Reason.CREDENTIALS_REJECTED, what);
    }
    if (status == 403) {
      return new SecondFactorRejectedException(Reason.INTEGRATION_FORBIDDEN, what);
    }
    if (status == 429) {
      return new SecondFactorRejectedException(Reason.RATE_LIMITED, what);
    }
    if (status >= 400 && status < 500) {
      return new SecondFactorRejectedException(Reason.REQUEST_REJECTED, what);
    }
    if (status >= 500 && status < 600) {
      return new SecondFactorUnavailableException(Kind.SERVER_ERROR, what);
    }
    return new SecondFactorUnavailableException(Kind.UNPARSEABLE, what + " (unexpected status)");
  }
}
