package io.oktaoperator.reconciler;

import io.oktaoperator.okta.OktaApiException;
import io.oktaoperator.okta.OktaAuthenticationException;
import io.oktaoperator.okta.OktaConflictException;
import io.oktaoperator.okta.OktaException;
import io.oktaoperator.okta.OktaNotFoundException;
import io.oktaoperator.okta.OktaRateLimitException;
import io.oktaoperator.okta.OktaServerException;
import io.oktaoperator.okta.OktaTransportException;
import io.oktaoperator.okta.OktaValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Maps each kind of Okta failure to its handling, in one place: retry with backoff (thrown to the
 * framework, which owns retries), requeue after a known delay, or stall until a person acts.
 */
public final class OktaFailures {

  static final Duration RATE_LIMIT_FALLBACK = Duration.ofSeconds(30);
  static final Duration RATE_LIMIT_MAX_WAIT = Duration.ofMinutes(5);
  static final Duration ACTIVATION_RETRY = Duration.ofSeconds(10);

  private OktaFailures() {}

  /**
   * The handling of one failure.
   *
   * @param outcome the conditions to report
   * @param retryWithBackoff true when the framework's exponential backoff should retry (transient failures)
   * @param requeueAfter the delay before the next attempt when not retried with backoff, or null for none
   */
  public record Handling(Outcome outcome, boolean retryWithBackoff, Duration requeueAfter) {}

  /**
   * Classifies a failure.
   *
   * @param action what the operator was doing, such as "creating the Okta user", for the message
   */
  public static Handling classify(OktaException failure, String action, ReconcilerSettings settings, Clock clock) {
    String cause = failure.getMessage();
    if (failure instanceof OktaTransportException || failure instanceof OktaServerException) {
      return new Handling(
          new Outcome.Progressing(
              Reasons.OKTA_UNAVAILABLE, "Okta is unavailable while " + action + ", retrying with backoff: " + cause),
          true,
          null);
    }
    if (failure instanceof OktaRateLimitException rateLimited) {
      Duration wait = untilReset(rateLimited.resetAt(), clock);
      String limit = rateLimited.clientSide()
          ? "The operator held back a request to stay within Okta's rate limit"
          : "Okta answered HTTP 429 (rate limit exceeded)";
      return new Handling(
          new Outcome.Progressing(
              Reasons.RATE_LIMITED, limit + " while " + action + "; retrying in " + wait.toSeconds() + "s"),
          false,
          wait);
    }
    if (failure instanceof OktaConflictException) {
      return new Handling(
          new Outcome.Progressing(
              Reasons.ACTIVATION_IN_PROGRESS,
              "Okta is still activating the user; " + action + " is retried in " + ACTIVATION_RETRY.toSeconds() + "s"),
          false,
          ACTIVATION_RETRY);
    }
    if (failure instanceof OktaAuthenticationException) {
      return new Handling(
          new Outcome.Stalled(
              Reasons.OKTA_AUTHENTICATION_FAILED,
              "Okta rejected the operator's API token while " + action + " (" + cause + "). Replace the token"
                  + " in the Secret that sets OKTA_API_TOKEN and restart the operator."),
          false,
          settings.credentialsRetryInterval());
    }
    if (failure instanceof OktaNotFoundException) {
      // The user vanished between the read and the write, and the next reconcile reads it again.
      // Backoff stops a loop when Okta returns 404 for a write on a user it has just returned.
      return new Handling(
          new Outcome.Progressing(Reasons.TRANSITIONING, "Okta answered 404 while " + action + " (" + cause + "); reading the user again"),
          true,
          null);
    }
    if (failure instanceof OktaValidationException) {
      return new Handling(
          new Outcome.Stalled(
              Reasons.OKTA_REJECTED,
              "Okta rejected the request while " + action + ": " + cause + ". Fix the spec; the operator retries"
                  + " when the resource changes."),
          false,
          null);
    }
    if (failure instanceof OktaApiException api && api.httpStatus() == 403) {
      return new Handling(
          new Outcome.Stalled(
              Reasons.OKTA_ACCESS_DENIED,
              "Okta denied the operation while " + action + " (" + cause + "). Give the API token's admin the"
                  + " permission to manage this user."),
          false,
          settings.credentialsRetryInterval());
    }
    return new Handling(
        new Outcome.Stalled(Reasons.OKTA_REJECTED, "Okta rejected the request while " + action + ": " + cause),
        false,
        settings.resyncInterval());
  }

  /** Time until {@code resetAt} plus one second of margin, bounded; a missing or past reset falls back. */
  static Duration untilReset(Instant resetAt, Clock clock) {
    if (resetAt == null) {
      return RATE_LIMIT_FALLBACK;
    }
    Duration wait = Duration.between(clock.instant(), resetAt).plusSeconds(1);
    if (wait.isNegative() || wait.isZero()) {
      return Duration.ofSeconds(1);
    }
    return wait.compareTo(RATE_LIMIT_MAX_WAIT) > 0 ? RATE_LIMIT_MAX_WAIT : wait;
  }
}
