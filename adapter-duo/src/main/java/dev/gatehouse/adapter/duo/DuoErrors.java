package dev.gatehouse.adapter.duo;

import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorRejectedException.Reason;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import feign.FeignException;
import feign.RetryableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * The one place where Duo's answers and transport failures become the port's failure classes
 * (design-notes.md §4): transport failure, timeout, 5xx and unparseable answers are
 * "unavailable" (failmode applies); 429 after back-off, 401, 403 and 400 are "rejected" (never
 * failmode). Messages name the host and Duo's code and text, never a secret.
 */
final class DuoErrors {
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
      // Like duo_unix's "cannot initialise TLS": a local misconfiguration always denies.
      return new SecondFactorRejectedException(Reason.CREDENTIALS_REJECTED, config.getMessage());
    }
    if (t instanceof DuoProtocolException protocol) {
      return new SecondFactorUnavailableException(Kind.UNPARSEABLE,
          "Duo at " + host + " answered unusably: " + protocol.getMessage());
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
      return fromStatus(((FeignException) t).status(), host, t.getMessage());
    }
    if (t instanceof FeignException feign) {
      return new SecondFactorUnavailableException(Kind.UNPARSEABLE,
          "Duo at " + host + " answered unusably (" + feign.getClass().getSimpleName() + ")");
    }
    if (t instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException("unexpected failure calling Duo at " + host, t);
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
    String detail = io.getMessage() == null ? "" : " (" + io.getMessage() + ")";
    if (io instanceof SSLException) {
      return "TLS failure" + detail;
    }
    return "connection failed" + detail;
  }

  static RuntimeException fromApi(DuoApiException api, String host) {
    int status = api.effectiveStatus();
    String what = "Duo at " + host + " answered " + api.getMessage();
    if (status == 429) {
      return new SecondFactorRejectedException(Reason.RATE_LIMITED, what + " after the official back-off");
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
