package io.oktaoperator.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault for one request: the simulator's action in place of, or on top of, its normal response.
 * Used for one-off scripted faults ({@link Faults#onNextRequest}) and produced internally by the
 * random faults.
 */
public final class FaultAction {

  /** Kind of fault; the ones whose name starts with {@code SUCCEED} apply the request to the store first. */
  enum Kind {
    /** Respond with an Okta error and leave the store unchanged. */
    ERROR,
    /** Respond 429 E0000047 with {@code X-Rate-Limit-Remaining: 0} and leave the store unchanged. */
    RATE_LIMITED,
    /** Close the connection without a response and leave the store unchanged. */
    DROP_CONNECTION,
    /** Apply the request, then close the connection without a response. */
    SUCCEED_THEN_DROP_CONNECTION,
    /** Wait, then handle the request normally. */
    HOLD,
    /** Apply the request, wait, then send the response. */
    SUCCEED_THEN_HOLD
  }

  private final Kind kind;
  private final ApiError error;
  private final Duration hold;
  private final Instant rateLimitedUntil;

  private FaultAction(Kind kind, ApiError error, Duration hold, Instant rateLimitedUntil) {
    this.kind = kind;
    this.error = error;
    this.hold = hold;
    this.rateLimitedUntil = rateLimitedUntil;
  }

  /**
   * Responds with an Okta error body; the request changes nothing.
   *
   * @param httpStatus 400 to 599
   * @param errorCode Okta error code such as {@code E0000009}, sent as {@code errorCode} and {@code errorLink}
   */
  public static FaultAction error(int httpStatus, String errorCode, String errorSummary) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("httpStatus must be between 400 and 599, got " + httpStatus);
    }
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(errorSummary, "errorSummary");
    return new FaultAction(Kind.ERROR, new ApiError(httpStatus, errorCode, errorSummary, List.of()), Duration.ZERO, null);
  }

  /** Responds 500 E0000009, Okta's internal server error; the request changes nothing. */
  public static FaultAction internalServerError() {
    return new FaultAction(Kind.ERROR, ApiErrors.internalError(), Duration.ZERO, null);
  }

  /** Responds 503 E0000010, which Okta sends while the org is in read-only mode; the request changes nothing. */
  public static FaultAction serviceUnavailable() {
    return new FaultAction(Kind.ERROR, ApiErrors.serviceUnavailable(), Duration.ZERO, null);
  }

  /**
   * Responds 429 E0000047 with the rate-limit headers of the request's bucket and
   * {@code X-Rate-Limit-Remaining: 0}; the request changes nothing.
   */
  public static FaultAction rateLimited() {
    return new FaultAction(Kind.RATE_LIMITED, ApiErrors.rateLimitExceeded(), Duration.ZERO, null);
  }

  /**
   * Closes the connection without sending a response; the request changes nothing. An HTTP client
   * may resend an idempotent request such as a GET on a new connection by itself, and then gets
   * the normal response.
   */
  public static FaultAction dropConnection() {
    return new FaultAction(Kind.DROP_CONNECTION, null, Duration.ZERO, null);
  }

  /**
   * Applies the request to the store, then closes the connection without sending a response, as
   * when Okta created a user but the response was lost. The client sees an {@code IOException}.
   */
  public static FaultAction succeedThenDropConnection() {
    return new FaultAction(Kind.SUCCEED_THEN_DROP_CONNECTION, null, Duration.ZERO, null);
  }

  /**
   * Waits for {@code duration} before handling the request; a client with a shorter read timeout
   * gives up before the request is applied.
   */
  public static FaultAction hold(Duration duration) {
    return new FaultAction(Kind.HOLD, null, SimulatorOptions.requireNonNegative(duration), null);
  }

  /**
   * Applies the request, then waits for {@code duration} before sending the response; a client
   * with a shorter read timeout gives up although the request took effect.
   */
  public static FaultAction succeedThenHold(Duration duration) {
    return new FaultAction(Kind.SUCCEED_THEN_HOLD, null, SimulatorOptions.requireNonNegative(duration), null);
  }

  /** Returns a 429 whose {@code X-Rate-Limit-Reset} is no earlier than {@code until}. */
  static FaultAction rateLimitedUntil(Instant until) {
    return new FaultAction(Kind.RATE_LIMITED, ApiErrors.rateLimitExceeded(), Duration.ZERO, until);
  }

  Kind kind() {
    return kind;
  }

  /** Returns the error to send for {@link Kind#ERROR} and {@link Kind#RATE_LIMITED}, else null. */
  ApiError error() {
    return error;
  }

  /** Returns the time to wait for {@link Kind#HOLD} and {@link Kind#SUCCEED_THEN_HOLD}, else zero. */
  Duration hold() {
    return hold;
  }

  /** Returns the end of a forced rate-limit period, or null. */
  Instant rateLimitedUntil() {
    return rateLimitedUntil;
  }

  /** Returns the action's name in the admin API, such as {@code succeed-then-drop-connection}. */
  private String actionName() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public String toString() {
    switch (kind) {
      case ERROR:
        return "error " + error.httpStatus() + " " + error.errorCode();
      case HOLD:
      case SUCCEED_THEN_HOLD:
        return actionName() + " " + hold.toMillis() + "ms";
      default:
        return actionName();
    }
  }
}
