package io.oktaoperator.okta;

import java.time.Instant;

/** HTTP 429 (E0000047): a rate-limit bucket or the concurrency limit is exhausted until {@link #resetAt()}. */
public final class OktaRateLimitException extends OktaApiException {

  private final Instant resetAt;

  /**
   * @param resetAt when the bucket resets, from {@code X-Rate-Limit-Reset}; null when the header was
   *     missing or unusable
   */
  public OktaRateLimitException(String operation, OktaError error, Instant resetAt) {
    super(operation, 429, error);
    this.resetAt = resetAt;
  }

  public Instant resetAt() {
    return resetAt;
  }
}
