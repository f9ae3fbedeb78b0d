package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The client's rate limiter against a scripted Okta: what is sent, what is rejected, and when. */
class OktaClientRateLimitTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  private static final String USER_ID = "00ub0oNGTSWTBKOLGLNR";
  private static final String GET_USER = "GET /api/v1/users/{id}";
  private static final String RATE_LIMIT_BODY =
      "{\"errorCode\": \"E0000047\", \"errorSummary\": \"API call exceeded rate limit due to too many requests.\","
          + " \"errorId\": \"oaeRateLimited\"}";

  private final MutableClock clock = new MutableClock(START);
  private MockOkta okta;

  private MockOkta startOkta(Consumer<OktaClient.Builder> settings) throws IOException {
    okta = new MockOkta(builder -> settings.accept(builder.clock(clock)));
    return okta;
  }

  @AfterEach
  void stopMockOkta() {
    if (okta != null) {
      okta.close();
    }
  }

  private static MockResponse withRateLimit(MockResponse.Builder response, int limit, int remaining, Instant reset) {
    return response
        .setHeader("X-Rate-Limit-Limit", Integer.toString(limit))
        .setHeader("X-Rate-Limit-Remaining", Integer.toString(remaining))
        .setHeader("X-Rate-Limit-Reset", Long.toString(reset.getEpochSecond()))
        .build();
  }

  @Test
  void spentBudgetRejectsWithoutSending() throws IOException {
    startOkta(builder -> {});
    okta.enqueue(withRateLimit(MockOkta.json(200, MockOkta.USER_JSON), 1000, 0, START.plusSeconds(30)));
    okta.client.findUser(USER_ID);

    OktaRateLimitException failure = assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID));

    assertTrue(failure.clientSide());
    assertEquals(START.plusSeconds(30), failure.resetAt());
    assertEquals(429, failure.httpStatus());
    assertEquals("E0000047", failure.errorCode());
    assertTrue(
        failure.getMessage().startsWith("getUser GET /api/v1/users/" + USER_ID + " not sent: "), failure.getMessage());
    assertEquals(1, okta.server.getRequestCount());
  }

  @Test
  void spentBudgetLeavesOtherEndpointsOpen() throws IOException {
    startOkta(builder -> {});
    okta.enqueue(withRateLimit(MockOkta.json(200, MockOkta.USER_JSON), 1000, 0, START.plusSeconds(30)));
    okta.enqueue(withRateLimit(MockOkta.json(200, "{}"), 600, 599, START.plusSeconds(45)));
    okta.client.findUser(USER_ID);

    okta.client.suspend(USER_ID);

    assertEquals(2, okta.server.getRequestCount());
    assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID));
    assertEquals(2, okta.server.getRequestCount());
  }

  @Test
  void sendsAgainAfterReset() throws IOException {
    startOkta(builder -> {});
    okta.enqueue(withRateLimit(MockOkta.json(200, MockOkta.USER_JSON), 1000, 0, START.plusSeconds(30)));
    okta.enqueue(withRateLimit(MockOkta.json(200, MockOkta.USER_JSON), 1000, 999, START.plusSeconds(95)));
    okta.client.findUser(USER_ID);
    clock.advance(Duration.ofSeconds(29));
    assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID));

    clock.advance(Duration.ofSeconds(1));

    assertTrue(okta.client.findUser(USER_ID).isPresent());
    assertEquals(2, okta.server.getRequestCount());
    assertEquals(new RateLimitSnapshot(GET_USER, 1000, 999, START.plusSeconds(95)), okta.client.budgets().get(GET_USER));
  }

  @Test
  void rateLimitedResponseExhaustsBucket() throws IOException {
    startOkta(builder -> {});
    okta.enqueue(withRateLimit(MockOkta.json(429, RATE_LIMIT_BODY), 1000, 0, START.plusSeconds(20)));

    OktaRateLimitException fromOkta = assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID));
    OktaRateLimitException fromClient = assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID));

    assertFalse(fromOkta.clientSide());
    assertEquals(START.plusSeconds(20), fromOkta.resetAt());
    assertEquals("oaeRateLimited", fromOkta.error().errorId());
    assertEquals(
        "getUser GET /api/v1/users/" + USER_ID + " failed: HTTP 429 E0000047 API call exceeded rate limit due to too"
            + " many requests. [errorId oaeRateLimited]",
        fromOkta.getMessage());
    assertTrue(fromClient.clientSide());
    assertEquals(START.plusSeconds(20), fromClient.resetAt());
    assertEquals(1, okta.server.getRequestCount());
    assertEquals(new RateLimitSnapshot(GET_USER, 1000, 0, START.plusSeconds(20)), okta.client.budgets().get(GET_USER));
  }

  @Test
  void rateLimitedResponseWithoutResetBacksOff() throws IOException {
    startOkta(builder -> {});
    okta.enqueueJson(429, RATE_LIMIT_BODY);
    okta.enqueueJson(200, MockOkta.USER_JSON);

    OktaRateLimitException failure = assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID));

    Duration backoff = Duration.between(START, failure.resetAt());
    assertTrue(backoff.compareTo(RateLimiter.BACKOFF_INITIAL) <= 0, backoff.toString());
    assertTrue(backoff.toMillis() > RateLimiter.BACKOFF_INITIAL.toMillis() * (1 - RateLimiter.JITTER_FRACTION), backoff.toString());
    assertTrue(assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID)).clientSide());
    clock.advance(RateLimiter.BACKOFF_INITIAL);
    assertTrue(okta.client.findUser(USER_ID).isPresent());
    assertEquals(2, okta.server.getRequestCount());
  }

  @Test
  void concurrencyLimitHoldsEveryEndpoint() throws IOException {
    startOkta(builder -> {});
    okta.enqueue(withRateLimit(MockOkta.json(429, RATE_LIMIT_BODY), 0, 0, START.plusSeconds(60)));
    okta.enqueueJson(200, "{}");

    OktaRateLimitException fromOkta = assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID));
    OktaRateLimitException fromClient = assertThrows(OktaRateLimitException.class, () -> okta.client.suspend(USER_ID));

    assertFalse(fromOkta.clientSide());
    assertTrue(fromOkta.resetAt().compareTo(START.plusSeconds(1)) <= 0, fromOkta.resetAt().toString());
    assertTrue(fromClient.clientSide());
    assertEquals(fromOkta.resetAt(), fromClient.resetAt());
    assertEquals(1, okta.server.getRequestCount());
    clock.advance(Duration.ofSeconds(1));
    okta.client.suspend(USER_ID);
    assertEquals(2, okta.server.getRequestCount());
  }

  @Test
  void reserveStopsBeforeBudgetIsSpent() throws IOException {
    startOkta(builder -> builder.rateLimitReserve(3));
    okta.enqueue(withRateLimit(MockOkta.json(200, MockOkta.USER_JSON), 1000, 3, START.plusSeconds(30)));
    okta.client.findUser(USER_ID);

    OktaRateLimitException failure = assertThrows(OktaRateLimitException.class, () -> okta.client.findUser(USER_ID));

    assertTrue(failure.clientSide());
    assertEquals(1, okta.server.getRequestCount());
  }

  @Test
  void inFlightCapRejectsWhileRequestPending() throws Exception {
    startOkta(builder -> builder.maxConcurrentRequests(1));
    HeldResponses dispatcher = new HeldResponses();
    okta.server.setDispatcher(dispatcher);

    CompletableFuture<Boolean> pending = CompletableFuture.supplyAsync(() -> okta.client.findUser(USER_ID).isPresent());
    try {
      assertTrue(dispatcher.firstRequestArrived.await(5, TimeUnit.SECONDS), "the first request did not reach the mock Okta");

      OktaRateLimitException failure = assertThrows(OktaRateLimitException.class, () -> okta.client.suspend(USER_ID));

      assertTrue(failure.clientSide());
      assertFalse(failure.resetAt().isAfter(START.plus(RateLimiter.IN_FLIGHT_RETRY)), failure.resetAt().toString());
      assertTrue(failure.getMessage().contains("1 requests in flight"), failure.getMessage());
      assertEquals(1, okta.server.getRequestCount());
    } finally {
      dispatcher.release.countDown();
    }
    assertTrue(pending.get(5, TimeUnit.SECONDS));
    okta.client.suspend(USER_ID);
    assertEquals(2, okta.server.getRequestCount());
  }

  static Stream<Arguments> outcomes() {
    return Stream.of(
        Arguments.of("success", MockOkta.json(200, MockOkta.USER_JSON).build(), null),
        Arguments.of("error status", MockOkta.json(500, "{\"errorCode\": \"E0000009\"}").build(), OktaServerException.class),
        Arguments.of("rate limited", MockOkta.json(429, RATE_LIMIT_BODY).build(), OktaRateLimitException.class),
        Arguments.of("body not JSON", MockOkta.json(200, "<html>").build(), OktaTransportException.class),
        Arguments.of(
            "connection dropped",
            new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
            OktaTransportException.class),
        Arguments.of(
            "read timeout",
            MockOkta.json(200, MockOkta.USER_JSON).headersDelay(5, TimeUnit.SECONDS).build(),
            OktaTransportException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void permitReleasedAfterEveryOutcome(String description, MockResponse response, Class<? extends OktaException> failure)
      throws IOException {
    startOkta(builder -> builder.maxConcurrentRequests(1).readTimeout(Duration.ofMillis(200)));
    okta.enqueue(response);
    okta.enqueueJson(200, "{}");

    if (failure == null) {
      okta.client.findUser(USER_ID);
    } else {
      assertThrows(failure, () -> okta.client.findUser(USER_ID));
    }

    assertEquals(0, okta.client.requestsInFlight());
    // Another endpoint, because a 429 closes the bucket of getUser.
    okta.client.suspend(USER_ID);
    assertEquals(0, okta.client.requestsInFlight());
  }

  @Test
  void budgetsEmptyBeforeFirstResponse() throws IOException {
    startOkta(builder -> {});

    assertEquals(Map.of(), okta.client.budgets());
  }

  /**
   * Holds the first request until the test releases it, so a second request can be made while the
   * first is in flight. Every later request gets 200 at once.
   */
  private static final class HeldResponses extends Dispatcher {

    final CountDownLatch firstRequestArrived = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      if (firstRequestArrived.getCount() > 0) {
        firstRequestArrived.countDown();
        release.await(10, TimeUnit.SECONDS);
        return MockOkta.json(200, MockOkta.USER_JSON).build();
      }
      return MockOkta.json(200, "{}").build();
    }
  }
}
