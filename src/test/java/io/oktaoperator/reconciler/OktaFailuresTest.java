package io.oktaoperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oktaoperator.okta.OktaAuthenticationException;
import io.oktaoperator.okta.OktaConflictException;
import io.oktaoperator.okta.OktaError;
import io.oktaoperator.okta.OktaRateLimitException;
import io.oktaoperator.okta.OktaServerException;
import io.oktaoperator.okta.OktaTransportException;
import io.oktaoperator.okta.OktaValidationException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OktaFailuresTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final ReconcilerSettings SETTINGS = ReconcilerSettings.defaults();

  static OktaError error(String code, String summary, String... causes) {
    return new OktaError(code, summary, "oaeTest", List.of(causes));
  }

  @Test
  void transportFailureIsRetriedWithBackoff() {
    var handling = OktaFailures.classify(new OktaTransportException("timed out", new IOException()), "creating", SETTINGS, CLOCK);

    assertTrue(handling.retryWithBackoff());
    assertEquals(Reasons.OKTA_UNAVAILABLE, handling.outcome().reason());
  }

  @Test
  void serverErrorIsRetriedWithBackoff() {
    var failure = new OktaServerException("getUser", 503, error("E0000010", "read-only"));

    assertTrue(OktaFailures.classify(failure, "reading", SETTINGS, CLOCK).retryWithBackoff());
  }

  @Test
  void rateLimitRequeuesAfterReset() {
    var failure = new OktaRateLimitException("getUser", error("E0000047", "limit"), CLOCK.instant().plusSeconds(20));

    var handling = OktaFailures.classify(failure, "reading", SETTINGS, CLOCK);

    assertFalse(handling.retryWithBackoff());
    assertEquals(Duration.ofSeconds(21), handling.requeueAfter());
    assertEquals(Reasons.RATE_LIMITED, handling.outcome().reason());
  }

  @Test
  void rateLimitWithoutResetFallsBack() {
    assertEquals(OktaFailures.RATE_LIMIT_FALLBACK, OktaFailures.untilReset(null, CLOCK));
    assertEquals(Duration.ofSeconds(1), OktaFailures.untilReset(CLOCK.instant().minusSeconds(60), CLOCK));
    assertEquals(OktaFailures.RATE_LIMIT_MAX_WAIT, OktaFailures.untilReset(CLOCK.instant().plusSeconds(86_400), CLOCK));
  }

  @Test
  void validationErrorStallsWithCausesAndNoRetry() {
    var failure = new OktaValidationException(
        "updateUser", 400, error("E0000001", "Api validation failed: email", "email: Does not match required pattern"));

    var handling = OktaFailures.classify(failure, "updating the profile", SETTINGS, CLOCK);

    Outcome.Stalled stalled = assertInstanceOf(Outcome.Stalled.class, handling.outcome());
    assertEquals(Reasons.OKTA_REJECTED, stalled.reason());
    assertTrue(stalled.message().contains("email: Does not match required pattern"), stalled.message());
    assertNull(handling.requeueAfter());
  }

  @Test
  void wrongTokenStallsAndRetriesSlowly() {
    var failure = new OktaAuthenticationException("getUser", 401, error("E0000011", "Invalid token provided"));

    var handling = OktaFailures.classify(failure, "reading", SETTINGS, CLOCK);

    assertEquals(Reasons.OKTA_AUTHENTICATION_FAILED, handling.outcome().reason());
    assertTrue(handling.outcome().message().contains("OKTA_API_TOKEN"), handling.outcome().message());
    assertEquals(SETTINGS.credentialsRetryInterval(), handling.requeueAfter());
  }

  @Test
  void notFoundOnWriteIsRetriedWithBackoff() {
    var failure = new io.oktaoperator.okta.OktaNotFoundException("suspendUser", 404, error("E0000007", "Not found"));

    var handling = OktaFailures.classify(failure, "suspending", SETTINGS, CLOCK);

    assertTrue(handling.retryWithBackoff());
    assertNull(handling.requeueAfter());
  }

  @Test
  void activationInProgressRequeues() {
    var failure = new OktaConflictException("updateUser", 409, error("E0000112", "still being activated"));

    var handling = OktaFailures.classify(failure, "updating", SETTINGS, CLOCK);

    assertEquals(Reasons.ACTIVATION_IN_PROGRESS, handling.outcome().reason());
    assertEquals(OktaFailures.ACTIVATION_RETRY, handling.requeueAfter());
  }
}
