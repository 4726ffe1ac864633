package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorRejectedException.Reason;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import feign.Request;
import feign.Response;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error of duo-auth-api.md §4, and transport failures, land in the right failure class. */
class DuoErrorsTest {
  private static final String HOST = "api-test.duosecurity.com";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DuoErrorDecoder ERRORS = new DuoErrorDecoder(MAPPER, CLOCK);
  private static final DuoResponseDecoder ANSWERS = new DuoResponseDecoder(MAPPER);

  static Response response(int status, String body, Map<String, Collection<String>> headers) {
    Request request = Request.create(Request.HttpMethod.POST, "https://" + HOST + "/auth/v2/preauth", Map.of(),
        null, StandardCharsets.UTF_8, null);
    return Response.builder().status(status).reason("x").request(request).headers(headers)
        .body(body == null ? null : body.getBytes(StandardCharsets.UTF_8)).build();
  }

  private static RuntimeException mapped(int status, String body) {
    return DuoErrors.translate(ERRORS.decode("DuoAuthApi#preauth", response(status, body,
        Map.of("Content-Type", List.of("application/json")))), HOST);
  }

  private static String envelope(int code, String message, String detail) {
    return "{\"stat\":\"FAIL\",\"code\":" + code + ",\"message\":\"" + message + "\""
        + (detail == null ? "" : ",\"message_detail\":\"" + detail + "\"") + "}";
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "400|40001|Missing required request parameters|REQUEST_REJECTED|username",
      "400|40002|Invalid request parameters|REQUEST_REJECTED|no capable device",
      "401|40101|Missing request credentials|CREDENTIALS_REJECTED|-",
      "401|40102|Invalid integration key in request credentials|CREDENTIALS_REJECTED|-",
      "401|40103|Invalid signature in request credentials|CREDENTIALS_REJECTED|-",
      "401|40105|Bad request timestamp|CREDENTIALS_REJECTED|-",
      "403|40301|Access forbidden|INTEGRATION_FORBIDDEN|Wrong integration type for this API.",
      "404|40401|Resource not found|REQUEST_REJECTED|-",
      "429|42901|Too Many Requests|RATE_LIMITED|-"})
  void rejectsEveryFourHundredWithDuosCodeAndDetail(int status, int code, String message, Reason reason,
      String detail) {
    RuntimeException error = mapped(status, envelope(code, message, detail));

    assertThat(error).isInstanceOf(SecondFactorRejectedException.class);
    assertThat(((SecondFactorRejectedException) error).reason()).isEqualTo(reason);
    assertThat(error.getMessage()).contains(HOST, "HTTP " + status, String.valueOf(code), message);
    if (detail != null) {
      assertThat(error.getMessage()).contains(detail);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"500", "502", "503", "504"})
  void treatsFiveHundredsAsServerErrors(int status) {
    RuntimeException error = mapped(status, envelope(status * 100, "Internal error", null));

    assertThat(error).isInstanceOf(SecondFactorUnavailableException.class);
    assertThat(((SecondFactorUnavailableException) error).kind()).isEqualTo(Kind.SERVER_ERROR);
  }

  @Test
  void treatsAFiveHundredWithAnHtmlBodyAsAServerError() {
    RuntimeException error = mapped(502, "<html>Bad gateway</html>");

    assertThat(((SecondFactorUnavailableException) error).kind()).isEqualTo(Kind.SERVER_ERROR);
  }

  @Test
  void readsAFourOhOneWithoutCodeAsRejectedCredentials() {
    RuntimeException error = mapped(401, "{\"stat\":\"FAIL\",\"message\":\"Missing request timestamp\"}");

    assertThat(((SecondFactorRejectedException) error).reason()).isEqualTo(Reason.CREDENTIALS_REJECTED);
    assertThat(error.getMessage()).contains("Missing request timestamp");
  }

  @Test
  void toleratesACodeSentAsAString() {
    DuoApiException error = (DuoApiException) ERRORS.decode("k", response(400,
        "{\"stat\":\"FAIL\",\"code\":\"40002\",\"message\":\"Invalid request parameters\"}", Map.of()));

    assertThat(error.code()).contains(40002);
  }

  @Test
  void readsRetryAfterInSecondsOrAsAnHttpDate() {
    DuoApiException seconds = (DuoApiException) ERRORS.decode("k", response(429, envelope(42901, "Too Many Requests", null),
        Map.of("Retry-After", List.of("7"))));
    DuoApiException date = (DuoApiException) ERRORS.decode("k", response(429, envelope(42901, "Too Many Requests", null),
        Map.of("X-Retry-After", List.of("Thu, 01 Jan 2026 00:00:12 GMT"))));
    DuoApiException none = (DuoApiException) ERRORS.decode("k", response(429, "", Map.of()));

    assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(date.retryAfter()).contains(Duration.ofSeconds(12));
    assertThat(none.retryAfter()).isEmpty();
    assertThat(none.isRateLimited()).isTrue();
  }

  @Test
  void readsStatFailInATwoHundredByItsCode() {
    Throwable error = catchThrowable(() -> ANSWERS.decode(response(200, envelope(40103, "Invalid signature", null),
        Map.of()), DuoTime.class));

    RuntimeException mapped = DuoErrors.translate(error, HOST);
    assertThat(((SecondFactorRejectedException) mapped).reason()).isEqualTo(Reason.CREDENTIALS_REJECTED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not json|{\"stat\":\"OK\",\"response\":{\"time\":1",
      "no stat|{\"response\":{\"time\":1}}",
      "unknown stat|{\"stat\":\"MAYBE\",\"response\":{\"time\":1}}",
      "no response|{\"stat\":\"OK\"}",
      "wrong shape|{\"stat\":\"OK\",\"response\":[1,2]}",
      "array|[]",
      "empty|''",
      "stat FAIL without code|{\"stat\":\"FAIL\",\"message\":\"?\"}"})
  void treatsUnreadableAnswersAsUnparseable(String name, String body) {
    Throwable error = catchThrowable(() -> ANSWERS.decode(response(200, body, Map.of()), DuoTime.class));

    RuntimeException mapped = DuoErrors.translate(error, HOST);
    assertThat(mapped).isInstanceOf(SecondFactorUnavailableException.class);
    assertThat(((SecondFactorUnavailableException) mapped).kind()).isEqualTo(Kind.UNPARSEABLE);
  }

  @Test
  void decodesSuccessEnvelopes() throws IOException {
    Object time = ANSWERS.decode(response(200, "{\"stat\":\"OK\",\"response\":{\"time\":1357020061}}", Map.of()),
        DuoTime.class);
    Object status = ANSWERS.decode(response(200, "{\"stat\":\"OK\",\"response\":\"waiting\"}", Map.of()),
        String.class);

    assertThat(time).isEqualTo(new DuoTime(1357020061L));
    assertThat(status).isEqualTo("waiting");
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectIsGatehousesOwnMisconfigurationNeverDuoUnavailable(int status) {
    RuntimeException mapped = DuoErrors.translate(ERRORS.decode("DuoAuthApi#preauth", response(status, "",
        Map.of("Location", List.of("https://login.proxy.example:8443/sso?token=s3cr3t")))), HOST);

    assertThat(mapped).isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.LOCAL_CONFIGURATION))
        .hasMessage("Duo at " + HOST + " answered HTTP " + status + ", a redirect to login.proxy.example, instead of "
            + "Duo's API: check the workspace's Duo API hostname and any proxy between Gatehouse and Duo");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "absolute|https://portal.example.org/x|portal.example.org",
      "with credentials|https://user:pw@portal.example.org/|portal.example.org",
      "IPv6|https://[fd00::1]:8443/|[fd00::1]",
      "relative|/login|-",
      "missing|''|-",
      "unreadable|https://exa mple.org/|-",
      "forged log line|'https://a.example\r\nWARN forged/'|-"})
  void namesOnlyThePlainHostARedirectPointsTo(String name, String location, String host) {
    assertThat(DuoErrorDecoder.hostOf(location)).isEqualTo(host);
  }

  private static Request request() {
    return Request.create(Request.HttpMethod.GET, "https://" + HOST + "/auth/v2/check", Map.of(), null,
        StandardCharsets.UTF_8, null);
  }

  private static RuntimeException transport(IOException cause) {
    return DuoErrors.translate(new CompletionException(
        new RetryableException(-1, cause.getMessage(), Request.HttpMethod.GET, cause, (Long) null, request())), HOST);
  }

  @Test
  void treatsConnectionFailuresAsUnreachable() {
    assertThat(((SecondFactorUnavailableException) transport(new ConnectException("Connection refused"))).kind())
        .isEqualTo(Kind.UNREACHABLE);
    assertThat(((SecondFactorUnavailableException) transport(new UnknownHostException("nowhere"))).kind())
        .isEqualTo(Kind.UNREACHABLE);
    assertThat(((SecondFactorUnavailableException) transport(new SSLHandshakeException("PKIX path"))).kind())
        .isEqualTo(Kind.UNREACHABLE);
  }

  @Test
  void describesTransportFailuresWithoutJavaClassNames() {
    assertThat(transport(new IOException("HTTP/1.1 header parser received no bytes")).getMessage())
        .isEqualTo("cannot reach Duo at " + HOST + ": connection failed (HTTP/1.1 header parser received no bytes)")
        .doesNotContain("Exception");
    assertThat(transport(new SSLHandshakeException("PKIX path")).getMessage())
        .isEqualTo("cannot reach Duo at " + HOST + ": TLS failure (PKIX path)");
  }

  /** A Java class name, simple or qualified, or a Feign method key such as {@code DuoAuthApi#preauth(..)}. */
  private static final Pattern JAVA_NAMES = Pattern.compile(
      "[A-Z][\\w$]*(Exception|Error)\\b|\\b(java|javax|sun|com|feign|dev)\\.[a-z]|#\\w+\\(");

  /** Like Feign's own "error reading the answer", whose factory is not public. */
  private static final class FeignReadException extends FeignException {
    private static final long serialVersionUID = 1L;

    FeignReadException(IOException cause) {
      super(500, cause.getMessage() + " reading POST https://" + HOST + "/auth/v2/preauth", cause);
    }
  }

  static Stream<Arguments> failuresWithJavaNamesInside() {
    Request request = request();
    return Stream.of(
        Arguments.of("feign read error",
            new FeignReadException(new IOException("stream closed"))),
        Arguments.of("feign decode error",
            new DecodeException(200, "x", request, new IllegalStateException("boom"))),
        Arguments.of("feign encode error",
            new EncodeException("java.lang.IllegalArgumentException: bad body")),
        Arguments.of("feign client error",
            FeignException.errorStatus("DuoAuthApi#preauth(DuoParams,Options)", response(418, "teapot", Map.of()))),
        Arguments.of("feign server error",
            FeignException.errorStatus("DuoAuthApi#check(Options)", response(503, "down", Map.of()))),
        Arguments.of("answer not json",
            catchThrowable(() -> ANSWERS.decode(response(200, "{\"stat\":", Map.of()), DuoTime.class))),
        Arguments.of("answer of the wrong shape",
            catchThrowable(() -> ANSWERS.decode(response(200, "{\"stat\":\"OK\",\"response\":{\"time\":[1]}}",
                Map.of()), DuoTime.class))),
        Arguments.of("wrapped transport cause",
            new RetryableException(-1, "x", Request.HttpMethod.GET,
                new IOException("java.io.EOFException: EOF reached while reading"), (Long) null, request)),
        Arguments.of("TLS with an inner class name",
            new RetryableException(-1, "x", Request.HttpMethod.GET, new SSLHandshakeException(
                "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: "
                    + "unable to find valid certification path to requested target"), (Long) null, request)),
        Arguments.of("unusable CA file",
            new DuoConfigurationException("cannot use Duo CA file /ca.pem: Could not parse certificate: "
                + "java.io.IOException: Empty input", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failuresWithJavaNamesInside")
  void describesEveryFailureInPlainWordsWithoutJavaNames(String name, Throwable failure) {
    RuntimeException mapped = DuoErrors.translate(new CompletionException(failure), HOST);

    assertThat(mapped).isInstanceOfAny(SecondFactorUnavailableException.class, SecondFactorRejectedException.class);
    assertThat(mapped.getMessage()).doesNotContainPattern(JAVA_NAMES).doesNotContain("()", ": :");
  }

  @Test
  void keepsTheUsefulPartOfATransportMessageWhenDroppingClassNames() {
    assertThat(transport(new SSLHandshakeException("PKIX path building failed: "
        + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path "
        + "to requested target")).getMessage())
        .isEqualTo("cannot reach Duo at " + HOST + ": TLS failure (PKIX path building failed: unable to find valid "
            + "certification path to requested target)");
    assertThat(transport(new IOException("java.io.EOFException: EOF reached while reading")).getMessage())
        .isEqualTo("cannot reach Duo at " + HOST + ": connection failed (EOF reached while reading)");
  }

  @Test
  void treatsTimeoutsAsTimeouts() {
    assertThat(((SecondFactorUnavailableException) transport(new HttpTimeoutException("request timed out"))).kind())
        .isEqualTo(Kind.TIMEOUT);
    assertThat(((SecondFactorUnavailableException) transport(new HttpConnectTimeoutException("connect"))).kind())
        .isEqualTo(Kind.TIMEOUT);
    assertThat(DuoErrors.isRequestTimeout(new RetryableException(-1, "t", Request.HttpMethod.GET,
        new HttpTimeoutException("t"), (Long) null, request()))).isTrue();
    assertThat(DuoErrors.isRequestTimeout(new RetryableException(-1, "t", Request.HttpMethod.GET,
        new HttpConnectTimeoutException("t"), (Long) null, request()))).isFalse();
  }

  @Test
  void denysWhenTheLocalCaFileIsUnusable() {
    RuntimeException mapped = DuoErrors.translate(
        new DuoConfigurationException("cannot use Duo CA file /nope.pem: no such file", null), HOST);

    assertThat(((SecondFactorRejectedException) mapped).reason()).isEqualTo(Reason.LOCAL_CONFIGURATION);
    assertThat(mapped.getMessage()).contains("/nope.pem").doesNotContainIgnoringCase("credential");
  }

  @Test
  void passesPortExceptionsThrough() {
    SecondFactorUnavailableException original = new SecondFactorUnavailableException(Kind.TIMEOUT, "x");

    assertThat(DuoErrors.translate(new CompletionException(original), HOST)).isSameAs(original);
  }
}
