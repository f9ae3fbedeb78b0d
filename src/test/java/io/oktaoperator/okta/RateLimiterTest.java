package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rate limiter alone, with a clock the tests move by hand and a fixed jitter. */
class RateLimiterTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  private static final String GET_USER = "GET /api/v1/users/{id}";
  private static final String SUSPEND_USER = "POST /api/v1/users/{id}/lifecycle/suspend";
  private static final String GET_OPERATION = "getUser GET /api/v1/users/00u1";

  private final MutableClock clock = new MutableClock(START);
  private double jitter;
  private final RateLimiter limiter = newLimiter(10, 0);

  private RateLimiter newLimiter(int maxConcurrentRequests, int reserve) {
    return new RateLimiter(clock, maxConcurrentRequests, reserve, () -> jitter);
  }

  private static Headers countHeaders(int limit, int remaining, Instant reset) {
    return Headers.of(
        "X-Rate-Limit-Limit", Integer.toString(limit),
        "X-Rate-Limit-Remaining", Integer.toString(remaining),
        "X-Rate-Limit-Reset", Long.toString(reset.getEpochSecond()));
  }

  private static Headers countHeadersWithoutReset(int limit, int remaining) {
    return Headers.of("X-Rate-Limit-Limit", Integer.toString(limit), "X-Rate-Limit-Remaining", Integer.toString(remaining));
  }

  private OktaRateLimitException rejection(RateLimiter rateLimiter, String bucket) {
    return assertThrows(OktaRateLimitException.class, () -> rateLimiter.acquire(bucket, GET_OPERATION));
  }

  /** Sends one request through the limiter and records a 429 without a usable reset; returns the backoff. */
  private Duration rateLimitedWithoutReset(String bucket) {
    limiter.acquire(bucket, GET_OPERATION).release();
    Instant resetAt = limiter.recordResponse(bucket, 429, countHeadersWithoutReset(600, 0));
    return Duration.between(clock.instant(), resetAt);
  }

  @Test
  void budgetSpentRejectsUntilReset() {
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 0, START.plusSeconds(30)));

    OktaRateLimitException failure = rejection(limiter, GET_USER);

    assertTrue(failure.clientSide());
    assertEquals(START.plusSeconds(30), failure.resetAt());
    assertEquals(0, limiter.requestsInFlight());
  }

  @Test
  void rejectionCarriesOktaErrorShape() {
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 0, START.plusSeconds(30)));

    OktaRateLimitException failure = rejection(limiter, GET_USER);

    assertEquals(429, failure.httpStatus());
    assertEquals("E0000047", failure.errorCode());
    assertNull(failure.error().errorId());
    assertEquals(
        "The client-side rate-limit budget for GET /api/v1/users/{id} is spent: 0 of 1000 requests left in"
            + " Okta's window, 0 kept in reserve (rateLimitReserve)",
        failure.error().errorSummary());
    assertEquals(
        GET_OPERATION + " not sent: " + failure.error().errorSummary() + "; try again after 2026-03-01T12:00:30Z",
        failure.getMessage());
  }

  @Test
  void resetPassedAllowsAgain() {
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 0, START.plusSeconds(30)));
    clock.advance(Duration.ofSeconds(29));
    rejection(limiter, GET_USER);

    clock.advance(Duration.ofSeconds(1));

    limiter.acquire(GET_USER, GET_OPERATION).release();
  }

  @Test
  void spentBudgetLeavesOtherBucketsOpen() {
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 0, START.plusSeconds(30)));

    limiter.acquire(SUSPEND_USER, "suspendUser POST /api/v1/users/00u1/lifecycle/suspend").release();
  }

  @Test
  void sentRequestsCountDownLocally() {
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 2, START.plusSeconds(30)));

    limiter.acquire(GET_USER, GET_OPERATION);
    assertEquals(1, limiter.budgets().get(GET_USER).remaining());
    limiter.acquire(GET_USER, GET_OPERATION);
    assertEquals(0, limiter.budgets().get(GET_USER).remaining());

    assertEquals(START.plusSeconds(30), rejection(limiter, GET_USER).resetAt());
  }

  @Test
  void concurrentRequestsSpendBudgetOnce() throws Exception {
    RateLimiter wide = newLimiter(100, 0);
    wide.recordResponse(GET_USER, 200, countHeaders(1000, 5, START.plusSeconds(30)));
    int threads = 20;
    CountDownLatch startGate = new CountDownLatch(1);
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      attempts.add(() -> {
        startGate.await();
        try {
          wide.acquire(GET_USER, GET_OPERATION);
          return true;
        } catch (OktaRateLimitException e) {
          return false;
        }
      });
    }

    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (Callable<Boolean> attempt : attempts) {
        results.add(executor.submit(attempt));
      }
      startGate.countDown();
      int sent = 0;
      for (Future<Boolean> result : results) {
        sent += result.get() ? 1 : 0;
      }

      assertEquals(5, sent);
      assertEquals(0, wide.budgets().get(GET_USER).remaining());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void serverCountReplacesLocalCount() {
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 1, START.plusSeconds(30)));
    limiter.acquire(GET_USER, GET_OPERATION).release();
    assertEquals(0, limiter.budgets().get(GET_USER).remaining());

    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 7, START.plusSeconds(30)));
    assertEquals(7, limiter.budgets().get(GET_USER).remaining());
    limiter.acquire(GET_USER, GET_OPERATION).release();

    // Other clients of the org spent the rest of the window.
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 0, START.plusSeconds(30)));
    assertEquals(new RateLimitSnapshot(GET_USER, 1000, 0, START.plusSeconds(30)), limiter.budgets().get(GET_USER));
    rejection(limiter, GET_USER);
  }

  @Test
  void reserveLeavesRequestsUnused() {
    RateLimiter reserving = newLimiter(10, 2);
    reserving.recordResponse(GET_USER, 200, countHeaders(1000, 3, START.plusSeconds(30)));

    reserving.acquire(GET_USER, GET_OPERATION).release();
    OktaRateLimitException failure = rejection(reserving, GET_USER);

    assertEquals(START.plusSeconds(30), failure.resetAt());
    assertTrue(failure.error().errorSummary().contains("2 of 1000 requests left"), failure.error().errorSummary());
    assertTrue(failure.error().errorSummary().contains("2 kept in reserve"), failure.error().errorSummary());
  }

  @Test
  void rateLimitedResponseExhaustsBucket() {
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 400, START.plusSeconds(20)));

    Instant resetAt = limiter.recordResponse(GET_USER, 429, countHeaders(1000, 0, START.plusSeconds(20)));

    assertEquals(START.plusSeconds(20), resetAt);
    assertEquals(START.plusSeconds(20), rejection(limiter, GET_USER).resetAt());
    limiter.acquire(SUSPEND_USER, GET_OPERATION).release();
    clock.advance(Duration.ofSeconds(20));
    limiter.acquire(GET_USER, GET_OPERATION).release();
  }

  @Test
  void rateLimitedResponseIgnoresRemainingHeader() {
    // Okta also returns 429 when this token used its share of a bucket that has requests left.
    Instant resetAt = limiter.recordResponse(GET_USER, 429, countHeaders(1000, 480, START.plusSeconds(20)));

    assertEquals(START.plusSeconds(20), resetAt);
    assertEquals(0, limiter.budgets().get(GET_USER).remaining());
    rejection(limiter, GET_USER);
  }

  @Test
  void lateSuccessKeepsRejectedWindowClosed() {
    limiter.recordResponse(GET_USER, 429, countHeaders(1000, 0, START.plusSeconds(20)));

    // Arrives after the 429, but was counted by Okta before it.
    assertNull(limiter.recordResponse(GET_USER, 200, countHeaders(1000, 3, START.plusSeconds(20))));

    assertEquals(0, limiter.budgets().get(GET_USER).remaining());
    assertEquals(START.plusSeconds(20), rejection(limiter, GET_USER).resetAt());
  }

  static Stream<Arguments> unusableResetHeaders() {
    long now = START.getEpochSecond();
    return Stream.of(
        Arguments.of("missing", List.of()),
        Arguments.of("not a number", List.of("soon")),
        Arguments.of("fractional", List.of(now + 30 + ".5")),
        Arguments.of("empty", List.of("")),
        Arguments.of("beyond long", List.of("99999999999999999999")),
        Arguments.of("beyond Instant", List.of("-99999999999999999")),
        Arguments.of("in the past", List.of(Long.toString(now - 10))),
        Arguments.of("now", List.of(Long.toString(now))),
        Arguments.of("more than 5 minutes ahead", List.of(Long.toString(now + 301))),
        Arguments.of("repeated with different values", List.of(Long.toString(now + 30), Long.toString(now + 45))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableResetHeaders")
  void unusableResetFallsBackToBackoff(String description, List<String> resetValues) {
    Headers.Builder headers = new Headers.Builder().add("X-Rate-Limit-Limit", "1000").add("X-Rate-Limit-Remaining", "0");
    for (String value : resetValues) {
      headers.add("X-Rate-Limit-Reset", value);
    }

    Instant resetAt = limiter.recordResponse(GET_USER, 429, headers.build());

    assertEquals(START.plus(RateLimiter.BACKOFF_INITIAL), resetAt);
    assertEquals(resetAt, rejection(limiter, GET_USER).resetAt());
    clock.advance(RateLimiter.BACKOFF_INITIAL);
    limiter.acquire(GET_USER, GET_OPERATION).release();
  }

  @Test
  void repeatedEqualResetIsUsed() {
    String reset = Long.toString(START.plusSeconds(30).getEpochSecond());
    Headers headers =
        new Headers.Builder()
            .add("X-Rate-Limit-Limit", "1000")
            .add("X-Rate-Limit-Remaining", "0")
            .add("X-Rate-Limit-Reset", reset)
            .add("X-Rate-Limit-Reset", " " + reset)
            .build();

    assertEquals(START.plusSeconds(30), limiter.recordResponse(GET_USER, 429, headers));
  }

  @Test
  void resetAtFiveMinutesIsUsed() {
    Instant reset = START.plus(RateLimiter.MAX_RESET_AHEAD);

    assertEquals(reset, limiter.recordResponse(GET_USER, 429, countHeaders(1000, 0, reset)));
  }

  @Test
  void resetMeasuredFromDateHeader() {
    // Okta's clock is 100 s behind this one; its window still ends 30 s from now.
    Instant oktaNow = START.minusSeconds(100);
    Headers headers =
        countHeaders(1000, 0, oktaNow.plusSeconds(30)).newBuilder().add("Date", oktaNow).build();

    assertEquals(START.plusSeconds(30), limiter.recordResponse(GET_USER, 429, headers));
  }

  @Test
  void unusableResetOnSuccessTrustsCountBriefly() {
    limiter.recordResponse(GET_USER, 200, countHeadersWithoutReset(1000, 0));

    assertEquals(START.plus(RateLimiter.BACKOFF_INITIAL), rejection(limiter, GET_USER).resetAt());
    clock.advance(RateLimiter.BACKOFF_INITIAL);
    limiter.acquire(GET_USER, GET_OPERATION).release();
  }

  @Test
  void fallbackBackoffDoublesUpToCap() {
    List<Duration> backoffs = new ArrayList<>();
    for (int attempt = 1; attempt <= 8; attempt++) {
      Duration backoff = rateLimitedWithoutReset(GET_USER);
      backoffs.add(backoff);
      clock.advance(backoff);
    }

    assertEquals(
        List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L),
        backoffs.stream().map(Duration::toSeconds).toList());
    assertEquals(RateLimiter.BACKOFF_MAX, backoffs.get(7));
  }

  @Test
  void fallbackBackoffCountsPerBucket() {
    clock.advance(rateLimitedWithoutReset(GET_USER));
    clock.advance(rateLimitedWithoutReset(GET_USER));

    assertEquals(Duration.ofSeconds(1), rateLimitedWithoutReset(SUSPEND_USER));
    assertEquals(Duration.ofSeconds(4), rateLimitedWithoutReset(GET_USER));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.25, 0.5, 0.999999})
  void fallbackJitterStaysWithinBounds(double randomValue) {
    jitter = randomValue;
    long nominalMillis = 1000;
    for (int attempt = 1; attempt <= 8; attempt++) {
      Duration backoff = rateLimitedWithoutReset(GET_USER);

      assertTrue(backoff.toMillis() <= nominalMillis, "attempt " + attempt + ": " + backoff);
      assertTrue(backoff.toMillis() > nominalMillis * (1 - RateLimiter.JITTER_FRACTION), "attempt " + attempt + ": " + backoff);
      assertTrue(backoff.compareTo(RateLimiter.BACKOFF_MAX) <= 0, "attempt " + attempt + ": " + backoff);
      clock.advance(backoff);
      nominalMillis = Math.min(nominalMillis * 2, RateLimiter.BACKOFF_MAX.toMillis());
    }
  }

  @Test
  void successRestartsFallbackBackoff() {
    clock.advance(rateLimitedWithoutReset(GET_USER));
    clock.advance(rateLimitedWithoutReset(GET_USER));
    limiter.acquire(GET_USER, GET_OPERATION).release();
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 10, START.plusSeconds(50)));

    clock.advance(Duration.ofSeconds(60));

    assertEquals(Duration.ofSeconds(1), rateLimitedWithoutReset(GET_USER));
  }

  @Test
  void concurrencyLimitHoldsEveryBucket() {
    Instant resetAt = limiter.recordResponse(GET_USER, 429, countHeaders(0, 0, START.plusSeconds(60)));

    assertEquals(START.plusSeconds(1), resetAt);
    OktaRateLimitException failure = rejection(limiter, SUSPEND_USER);
    assertTrue(failure.clientSide());
    assertEquals(START.plusSeconds(1), failure.resetAt());
    assertTrue(failure.error().errorSummary().contains("concurrency limit"), failure.error().errorSummary());
    // The concurrency limit leaves the per-minute budget of the bucket unchanged.
    assertEquals(Map.of(), limiter.budgets());

    clock.advance(Duration.ofSeconds(1));
    limiter.acquire(GET_USER, GET_OPERATION).release();
  }

  @Test
  void concurrencyBackoffStaysShort() {
    List<Long> backoffs = new ArrayList<>();
    for (int attempt = 1; attempt <= 6; attempt++) {
      Instant resetAt = limiter.recordResponse(GET_USER, 429, countHeaders(0, 0, clock.instant().plusSeconds(60)));
      Duration backoff = Duration.between(clock.instant(), resetAt);
      backoffs.add(backoff.toSeconds());
      clock.advance(backoff);
    }

    assertEquals(List.of(1L, 2L, 4L, 8L, 8L, 8L), backoffs);
  }

  @Test
  void responseEndsConcurrencyBackoffSeries() {
    clock.advance(Duration.between(START, limiter.recordResponse(GET_USER, 429, countHeaders(0, 0, START.plusSeconds(60)))));
    clock.advance(Duration.ofSeconds(2));
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 10, clock.instant().plusSeconds(30)));

    Instant resetAt = limiter.recordResponse(GET_USER, 429, countHeaders(0, 0, clock.instant().plusSeconds(60)));

    assertEquals(clock.instant().plusSeconds(1), resetAt);
  }

  @Test
  void inFlightCapRejectsWithoutBlocking() {
    RateLimiter capped = newLimiter(2, 0);
    capped.acquire(GET_USER, GET_OPERATION);
    capped.acquire(SUSPEND_USER, GET_OPERATION);

    OktaRateLimitException failure =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rejection(capped, GET_USER));

    assertTrue(failure.clientSide());
    assertEquals(START.plus(RateLimiter.IN_FLIGHT_RETRY), failure.resetAt());
    assertTrue(failure.error().errorSummary().contains("2 requests in flight"), failure.error().errorSummary());
    assertEquals(2, capped.requestsInFlight());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 0.999999})
  void inFlightRetryHasJitter(double randomValue) {
    jitter = randomValue;
    RateLimiter capped = newLimiter(1, 0);
    capped.acquire(GET_USER, GET_OPERATION);

    Duration retry = Duration.between(START, rejection(capped, GET_USER).resetAt());

    assertTrue(retry.compareTo(RateLimiter.IN_FLIGHT_RETRY) <= 0, retry.toString());
    assertTrue(retry.toMillis() > RateLimiter.IN_FLIGHT_RETRY.toMillis() * (1 - RateLimiter.JITTER_FRACTION), retry.toString());
  }

  @Test
  void releasedPermitFreesSlot() {
    RateLimiter capped = newLimiter(1, 0);
    RateLimiter.Permit permit = capped.acquire(GET_USER, GET_OPERATION);
    rejection(capped, GET_USER);

    permit.release();

    assertEquals(0, capped.requestsInFlight());
    capped.acquire(GET_USER, GET_OPERATION);
  }

  @Test
  void secondReleaseFreesNothing() {
    RateLimiter capped = newLimiter(2, 0);
    RateLimiter.Permit permit = capped.acquire(GET_USER, GET_OPERATION);
    capped.acquire(GET_USER, GET_OPERATION);

    permit.release();
    permit.release();

    assertEquals(1, capped.requestsInFlight());
    capped.acquire(GET_USER, GET_OPERATION);
    rejection(capped, GET_USER);
  }

  @Test
  void inFlightRejectionSpendsNoBudget() {
    RateLimiter capped = newLimiter(1, 0);
    capped.recordResponse(GET_USER, 200, countHeaders(1000, 5, START.plusSeconds(30)));
    capped.acquire(GET_USER, GET_OPERATION);

    rejection(capped, GET_USER);

    assertEquals(4, capped.budgets().get(GET_USER).remaining());
  }

  @Test
  void responseWithoutCountsLeavesBudgetUnknown() {
    assertNull(limiter.recordResponse(GET_USER, 200, Headers.of()));
    assertNull(limiter.recordResponse(GET_USER, 502, Headers.of("X-Rate-Limit-Remaining", "oops")));
    assertNull(limiter.recordResponse(GET_USER, 200, countHeaders(0, 0, START.plusSeconds(30))));

    assertEquals(Map.of(), limiter.budgets());
    limiter.acquire(GET_USER, GET_OPERATION).release();
  }

  @Test
  void rateLimitedResponseWithoutHeadersExhaustsBucket() {
    Instant resetAt = limiter.recordResponse(GET_USER, 429, Headers.of());

    assertEquals(START.plus(RateLimiter.BACKOFF_INITIAL), resetAt);
    assertEquals(new RateLimitSnapshot(GET_USER, 0, 0, resetAt), limiter.budgets().get(GET_USER));
    assertTrue(rejection(limiter, GET_USER).error().errorSummary().contains("is spent: 0 requests left"));
  }

  @Test
  void budgetsAreReadOnlyCopy() {
    limiter.recordResponse(GET_USER, 200, countHeaders(1000, 5, START.plusSeconds(30)));
    Map<String, RateLimitSnapshot> budgets = limiter.budgets();

    limiter.acquire(GET_USER, GET_OPERATION);

    assertEquals(5, budgets.get(GET_USER).remaining());
    assertThrows(UnsupportedOperationException.class, () -> budgets.remove(GET_USER));
    assertEquals(4, limiter.budgets().get(GET_USER).remaining());
  }

  @Test
  void rejectsInvalidSettings() {
    IllegalArgumentException noSlots = assertThrows(IllegalArgumentException.class, () -> newLimiter(0, 0));
    IllegalArgumentException negativeReserve = assertThrows(IllegalArgumentException.class, () -> newLimiter(1, -1));

    assertEquals("maxConcurrentRequests must be at least 1, got 0", noSlots.getMessage());
    assertEquals("rateLimitReserve must be 0 or more, got -1", negativeReserve.getMessage());
  }
}
