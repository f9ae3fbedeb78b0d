package io.oktaoperator.okta;

import java.time.Instant;

/**
 * HTTP 429 (E0000047): a rate-limit bucket or the concurrency limit is exhausted until {@link #resetAt()}.
 *
 * <p>Okta sends this status, or the client's {@link RateLimiter} raises it before sending when the
 * org's budget is spent, and {@link #clientSide()} distinguishes the two. Both carry HTTP status
 * 429, so callers handle them alike and try again after {@link #resetAt()}.
 */
public final class OktaRateLimitException extends OktaApiException {

  private final Instant resetAt;
  private final boolean clientSide;

  /**
   * Creates the exception for a 429 response from Okta.
   *
   * @param resetAt when to try again, or null when unknown
   */
  public OktaRateLimitException(String operation, OktaError error, Instant resetAt) {
    super(operation, 429, error);
    this.resetAt = resetAt;
    this.clientSide = false;
  }

  /**
   * Creates the exception for a 429 response from Okta ({@code clientSide} false), or for a request
   * the client did not send because the budget is spent ({@code clientSide} true).
   *
   * @param resetAt when to try again, or null when unknown
   */
  public OktaRateLimitException(String operation, OktaError error, Instant resetAt, boolean clientSide) {
    super(429, error, clientSide ? describeRejection(operation, error, resetAt) : describe(operation, 429, error));
    this.resetAt = resetAt;
    this.clientSide = clientSide;
  }

  /**
   * Returns when to try again: the end of the bucket's window, or a bounded backoff when Okta's
   * {@code X-Rate-Limit-Reset} header was unusable. Null only when the code that created the
   * exception passed no reset time.
   */
  public Instant resetAt() {
    return resetAt;
  }

  /** Returns true when the client rejected the request without sending it, false when Okta returned 429. */
  public boolean clientSide() {
    return clientSide;
  }

  private static String describeRejection(String operation, OktaError error, Instant resetAt) {
    String message = operation + " not sent: " + error.errorSummary();
    return resetAt == null ? message : message + "; try again after " + resetAt;
  }
}
