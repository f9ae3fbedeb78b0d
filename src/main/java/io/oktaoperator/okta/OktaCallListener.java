package io.oktaoperator.okta;

import java.time.Duration;

/** Receives one notification per HTTP exchange with Okta, for metrics. Must be fast and never throw. */
@FunctionalInterface
public interface OktaCallListener {

  /** Status code reported when no HTTP response arrived (connection failure or timeout). */
  int NO_RESPONSE = 0;

  OktaCallListener NONE = (operationId, httpStatus, duration, rateLimit) -> {};

  /**
   * Called after each request.
   *
   * @param operationId Okta's operation id, such as {@code getUser}
   * @param httpStatus the response status, or {@link #NO_RESPONSE}
   * @param duration time from sending the request to reading the whole response
   * @param rateLimit the response's rate-limit headers, or null when absent
   */
  void onCall(String operationId, int httpStatus, Duration duration, RateLimitSnapshot rateLimit);
}
