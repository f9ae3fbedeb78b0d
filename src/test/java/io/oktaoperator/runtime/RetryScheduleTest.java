package io.oktaoperator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import io.oktaoperator.okta.OktaAuthenticationException;
import io.oktaoperator.okta.OktaConflictException;
import io.oktaoperator.okta.OktaError;
import io.oktaoperator.okta.OktaException;
import io.oktaoperator.okta.OktaRateLimitException;
import io.oktaoperator.okta.OktaServerException;
import io.oktaoperator.okta.OktaValidationException;
import io.oktaoperator.reconciler.OktaFailures;
import io.oktaoperator.reconciler.ReconcilerSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counts the reconciles, and so the Okta requests, that a resource stuck on one permanent failure
 * causes in a minute of simulated time, following the operator's own retry and requeue rules.
 */
class RetryScheduleTest {

  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  /** Okta calls one reconcile makes at most: read the user, read its roles, one write. */
  static final int CALLS_PER_RECONCILE = 3;

  static OktaError error(String code) {
    return new OktaError(code, "summary", "oaeTest", List.of());
  }

  /** Simulates a minute in which every reconcile fails the same way, and returns the reconcile count. */
  static int reconcilesInAMinute(OktaException failure, JitteredRetry retry) {
    ReconcilerSettings settings = ReconcilerSettings.defaults();
    RetryExecution backoff = retry.initExecution();
    Duration elapsed = Duration.ZERO;
    int reconciles = 0;
    while (elapsed.compareTo(MINUTE) <= 0) {
      reconciles++;
      OktaFailures.Handling handling = OktaFailures.classify(failure, "reconciling", settings, CLOCK);
      Duration next;
      if (handling.retryWithBackoff()) {
        next = Duration.ofMillis(backoff.nextDelay().orElseThrow());
      } else if (handling.requeueAfter() != null) {
        next = handling.requeueAfter();
      } else {
        break;
      }
      elapsed = elapsed.plus(next);
    }
    return reconciles;
  }

  /** Builds the fastest schedule, in which jitter always takes off its largest share. */
  static JitteredRetry fastestRetry() {
    return new JitteredRetry(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 1.0);
  }

  @Test
  void serverErrorsBackOffExponentially() {
    int reconciles = reconcilesInAMinute(new OktaServerException("getUser", 500, error("E0000009")), fastestRetry());

    // 0.8 s, 1.6 s, 3.2 s, 6.4 s, 12.8 s, 25.6 s: seven attempts fit in the minute.
    assertEquals(7, reconciles);
    assertTrue(reconciles * CALLS_PER_RECONCILE <= 21);
  }

  @Test
  void validationErrorIsTriedOnce() {
    int reconciles = reconcilesInAMinute(new OktaValidationException("createUser", 400, error("E0000001")), fastestRetry());

    assertEquals(1, reconciles);
  }

  @Test
  void rejectedTokenIsTriedOnceAMinute() {
    int reconciles = reconcilesInAMinute(new OktaAuthenticationException("getUser", 401, error("E0000011")), fastestRetry());

    assertEquals(1, reconciles);
  }

  @Test
  void rateLimitWithoutResetWaitsForFallback() {
    int reconciles = reconcilesInAMinute(new OktaRateLimitException("getUser", error("E0000047"), null), fastestRetry());

    assertEquals(3, reconciles);
  }

  @Test
  void activationInProgressIsPolledEveryTenSeconds() {
    int reconciles = reconcilesInAMinute(new OktaConflictException("updateUser", 409, error("E0000112")), fastestRetry());

    assertEquals(7, reconciles);
  }

  @Test
  void backoffDoublesUpToMaximum() {
    JitteredRetry retry = new JitteredRetry(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.0);

    assertEquals(Duration.ofSeconds(1), retry.baseDelay(1));
    assertEquals(Duration.ofSeconds(8), retry.baseDelay(4));
    assertEquals(Duration.ofMinutes(5), retry.baseDelay(20));
    assertEquals(Duration.ofMinutes(5), retry.baseDelay(1000));
  }

  @Test
  void jitterShortensDelayByAtMostTwentyPercent() {
    RetryExecution none = new JitteredRetry(Duration.ofSeconds(10), Duration.ofMinutes(5), () -> 0.0).initExecution();
    RetryExecution most = new JitteredRetry(Duration.ofSeconds(10), Duration.ofMinutes(5), () -> 1.0).initExecution();

    assertEquals(10_000L, none.nextDelay().orElseThrow());
    assertEquals(8_000L, most.nextDelay().orElseThrow());
  }
}
