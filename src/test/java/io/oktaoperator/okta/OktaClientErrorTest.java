package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Error responses to typed exceptions, and transport failures. */
class OktaClientErrorTest {

  private static final String USER_ID = "00ub0oNGTSWTBKOLGLNR";

  private MockOkta okta;

  @BeforeEach
  void startMockOkta() throws IOException {
    okta = new MockOkta();
  }

  @AfterEach
  void stopMockOkta() {
    okta.close();
  }

  @Test
  void mapsValidationErrorWithCauses() {
    okta.enqueueJson(
        400,
        """
        {"errorCode": "E0000001", "errorSummary": "Api validation failed: login", "errorLink": "E0000001",
         "errorId": "oaeHfmOAx1iRLa0H10DeMz5fQ",
         "errorCauses": [{"errorSummary": "login: An object with this field already exists in the current organization"},
                         {"errorSummary": "email: Does not match required pattern"}]}
        """);

    OktaValidationException failure =
        assertThrows(
            OktaValidationException.class,
            () -> okta.client.createUser(NewUser.withProfile(Map.of("login", "a@example.com")), true));

    assertEquals(400, failure.httpStatus());
    assertEquals("E0000001", failure.errorCode());
    assertEquals("Api validation failed: login", failure.error().errorSummary());
    assertEquals("oaeHfmOAx1iRLa0H10DeMz5fQ", failure.error().errorId());
    assertEquals(
        List.of(
            "login: An object with this field already exists in the current organization",
            "email: Does not match required pattern"),
        failure.error().errorCauses());
    assertEquals(
        "createUser POST /api/v1/users failed: HTTP 400 E0000001 Api validation failed: login "
            + "(login: An object with this field already exists in the current organization; "
            + "email: Does not match required pattern) [errorId oaeHfmOAx1iRLa0H10DeMz5fQ]",
        failure.getMessage());
  }

  static Stream<Arguments> statusesAndExceptions() {
    return Stream.of(
        Arguments.of(400, OktaValidationException.class),
        Arguments.of(401, OktaAuthenticationException.class),
        Arguments.of(403, OktaApiException.class),
        Arguments.of(404, OktaNotFoundException.class),
        Arguments.of(405, OktaApiException.class),
        Arguments.of(409, OktaConflictException.class),
        Arguments.of(411, OktaApiException.class),
        Arguments.of(429, OktaRateLimitException.class),
        Arguments.of(500, OktaServerException.class),
        Arguments.of(503, OktaServerException.class),
        Arguments.of(504, OktaServerException.class));
  }

  @ParameterizedTest
  @MethodSource("statusesAndExceptions")
  void mapsStatusToExceptionType(int status, Class<? extends OktaApiException> expectedType) {
    okta.enqueueJson(
        status,
        """
        {"errorCode": "E0000123", "errorSummary": "Something went wrong", "errorLink": "E0000123",
         "errorId": "oaeStatusTest", "errorCauses": [{"errorSummary": "cause one"}]}
        """);

    OktaApiException failure = assertThrows(OktaApiException.class, () -> okta.client.suspend(USER_ID));

    assertEquals(expectedType, failure.getClass());
    assertEquals(status, failure.httpStatus());
    assertEquals(new OktaError("E0000123", "Something went wrong", "oaeStatusTest", List.of("cause one")), failure.error());
    assertTrue(
        failure.getMessage().startsWith("suspendUser POST /api/v1/users/" + USER_ID + "/lifecycle/suspend failed: HTTP " + status),
        failure.getMessage());
  }

  @Test
  void mapsConflictDuringActivation() {
    okta.enqueueJson(
        409,
        """
        {"errorCode": "E0000112", "errorSummary": "Unable to update the user, the user is still being activated.",
         "errorId": "oaeConflict", "errorCauses": []}
        """);

    OktaConflictException failure =
        assertThrows(OktaConflictException.class, () -> okta.client.updateProfile(USER_ID, Map.of("title", "x")));

    assertEquals("E0000112", failure.errorCode());
    assertEquals("oaeConflict", failure.error().errorId());
    assertEquals(List.of(), failure.error().errorCauses());
  }

  @Test
  void mapsNotFoundOutsideFindUser() {
    okta.enqueueJson(404, "{\"errorCode\": \"E0000007\", \"errorSummary\": \"Not found: Resource not found: 00u1 (User)\"}");

    OktaNotFoundException failure = assertThrows(OktaNotFoundException.class, () -> okta.client.delete("00u1"));

    assertEquals("E0000007", failure.errorCode());
    assertTrue(failure.getMessage().startsWith("deleteUser DELETE /api/v1/users/00u1 failed: HTTP 404"), failure.getMessage());
  }

  @Test
  void findUserStillThrowsOtherErrors() {
    okta.enqueueJson(401, "{\"errorCode\": \"E0000011\", \"errorSummary\": \"Invalid token provided\"}");

    OktaAuthenticationException failure =
        assertThrows(OktaAuthenticationException.class, () -> okta.client.findUser(USER_ID));

    assertEquals("E0000011", failure.errorCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<html><body>502 Bad Gateway</body></html>", "[1, 2]", "\"oops\"", "{\"errorCode\": "})
  void toleratesMissingOrGarbageErrorBody(String body) {
    okta.enqueue(new MockResponse.Builder().code(502).body(body).build());

    OktaServerException failure = assertThrows(OktaServerException.class, () -> okta.client.findUser(USER_ID));

    assertEquals(502, failure.httpStatus());
    assertEquals(new OktaError(null, null, null, List.of()), failure.error());
    assertEquals("getUser GET /api/v1/users/" + USER_ID + " failed: HTTP 502", failure.getMessage());
  }

  @Test
  void toleratesErrorBodyWithOddFieldTypes() {
    okta.enqueueJson(400, "{\"errorCode\": \"E0000001\", \"errorCauses\": \"not an array\", \"errorId\": null}");

    OktaValidationException failure = assertThrows(OktaValidationException.class, () -> okta.client.unlock(USER_ID));

    assertEquals(new OktaError("E0000001", null, null, List.of()), failure.error());
  }

  @Test
  void readsRateLimitResetFromHeader() throws IOException {
    MutableClock clock = new MutableClock(Instant.ofEpochSecond(1609459200 - 30));
    try (MockOkta clockedOkta = new MockOkta(builder -> builder.clock(clock))) {
      clockedOkta.enqueue(
          MockOkta.json(429, "{\"errorCode\": \"E0000047\", \"errorSummary\": \"API call exceeded rate limit due to too many requests.\"}")
              .setHeader("X-Rate-Limit-Limit", "600")
              .setHeader("X-Rate-Limit-Remaining", "0")
              .setHeader("X-Rate-Limit-Reset", "1609459200")
              .build());

      OktaRateLimitException failure =
          assertThrows(OktaRateLimitException.class, () -> clockedOkta.client.findUser(USER_ID));

      assertEquals(Instant.ofEpochSecond(1609459200), failure.resetAt());
      assertEquals(429, failure.httpStatus());
      assertEquals("E0000047", failure.errorCode());
      assertFalse(failure.clientSide());
      assertEquals(0, clockedOkta.client.lastRateLimit().orElseThrow().remaining());
    }
  }

  @Test
  void backsOffWhenResetHeaderAbsent() {
    okta.enqueueJson(429, "{\"errorCode\": \"E0000047\"}");
    Instant before = Instant.now();

    OktaRateLimitException failure = assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID));

    assertBackoffFrom(before, failure.resetAt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "1609459200.5", "", "99999999999999999999", "-99999999999999999", "1609459200"})
  void backsOffWhenResetHeaderUnusable(String reset) {
    okta.enqueue(MockOkta.json(429, "{\"errorCode\": \"E0000047\"}").setHeader("X-Rate-Limit-Reset", reset).build());
    Instant before = Instant.now();

    OktaRateLimitException failure = assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID));

    assertBackoffFrom(before, failure.resetAt());
  }

  /** Asserts that {@code resetAt} is the first fallback backoff after {@code before}, give or take the test's own run time. */
  private static void assertBackoffFrom(Instant before, Instant resetAt) {
    Instant earliest = before.plus(RateLimiter.BACKOFF_INITIAL.multipliedBy(8).dividedBy(10));
    Instant latest = Instant.now().plus(RateLimiter.BACKOFF_INITIAL);
    assertFalse(resetAt.isBefore(earliest), resetAt + " is before " + earliest);
    assertFalse(resetAt.isAfter(latest), resetAt + " is after " + latest);
  }

  @Test
  void doesNotFollowRedirects() {
    okta.enqueue(new MockResponse.Builder().code(301).setHeader("Location", okta.url("/elsewhere")).build());

    OktaApiException failure = assertThrows(OktaApiException.class, () -> okta.client.findUser(USER_ID));

    assertEquals(OktaApiException.class, failure.getClass());
    assertEquals(301, failure.httpStatus());
    assertEquals(1, okta.server.getRequestCount());
  }

  @Test
  void mapsReadTimeoutToTransportException() throws IOException {
    try (MockOkta slowOkta = new MockOkta(builder -> builder.readTimeout(Duration.ofMillis(200)))) {
      slowOkta.enqueue(MockOkta.json(200, MockOkta.USER_JSON).headersDelay(5, TimeUnit.SECONDS).build());

      OktaTransportException failure =
          assertThrows(OktaTransportException.class, () -> slowOkta.client.findUser(USER_ID));

      assertInstanceOf(InterruptedIOException.class, failure.getCause());
      assertTrue(failure.getMessage().startsWith("getUser GET /api/v1/users/" + USER_ID + " to 127.0.0.1:"), failure.getMessage());
      assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
    }
  }

  @Test
  void mapsCallTimeoutToTransportException() throws IOException {
    try (MockOkta slowOkta = new MockOkta(builder -> builder.callTimeout(Duration.ofMillis(200)))) {
      slowOkta.enqueue(MockOkta.json(200, MockOkta.USER_JSON).headersDelay(5, TimeUnit.SECONDS).build());

      OktaTransportException failure =
          assertThrows(OktaTransportException.class, () -> slowOkta.client.suspend(USER_ID));

      assertInstanceOf(InterruptedIOException.class, failure.getCause());
      assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
    }
  }

  @Test
  void mapsConnectionRefusedToTransportException() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    OktaClient client =
        OktaClient.builder()
            .orgUrl(URI.create("http://127.0.0.1:" + closedPort))
            .apiToken(SecretValue.of(MockOkta.TOKEN))
            .allowInsecureLoopback(true)
            .build();

    try (client) {
      OktaTransportException failure = assertThrows(OktaTransportException.class, () -> client.deactivate(USER_ID));

      String message = failure.getMessage();
      assertTrue(
          message.startsWith("deactivateUser POST /api/v1/users/" + USER_ID + "/lifecycle/deactivate to 127.0.0.1:" + closedPort),
          message);
      assertTrue(message.contains("failed"), message);
    }
  }

  @Test
  void doesNotRetryWhenPooledConnectionDrops() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);
    okta.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    okta.enqueueJson(200, MockOkta.USER_JSON);
    okta.client.findUser(USER_ID);
    int requestsBefore = okta.server.getRequestCount();

    // OkHttp's own retry would repeat this POST on a new connection, because the dropped
    // connection had served a request before.
    OktaTransportException failure =
        assertThrows(
            OktaTransportException.class,
            () -> okta.client.createUser(NewUser.withProfile(Map.of("login", "a@example.com")), true));

    assertTrue(failure.getMessage().startsWith("createUser POST /api/v1/users to 127.0.0.1:"), failure.getMessage());
    assertTrue(failure.getMessage().contains(" failed: "), failure.getMessage());
    assertEquals(requestsBefore + 1, okta.server.getRequestCount());
  }
}
