package io.oktaoperator.simulator;

import com.sun.net.httpserver.Headers;
import java.time.Instant;

/** Writes Okta's {@code X-Rate-Limit-*} response headers. */
final class RateLimitHeaders {

  private RateLimitHeaders() {}

  /**
   * Sets {@code X-Rate-Limit-Limit}, {@code X-Rate-Limit-Remaining} and {@code X-Rate-Limit-Reset}
   * (UTC epoch seconds, rounded up).
   *
   * <p>The JDK's HTTP server always sets the {@code Date} header from the system clock. Clients
   * such as Okta's SDK wait {@code X-Rate-Limit-Reset - Date}, so the reset time is anchored to the
   * system clock too: it lies as far after the system time as the window's end lies after the
   * simulator's clock, which may be a test's controllable clock.
   */
  static void set(Headers headers, RateLimiter.Decision decision) {
    Instant reset = Instant.now().plus(decision.untilReset());
    long resetSeconds = reset.getEpochSecond() + (reset.getNano() > 0 ? 1 : 0);
    headers.set("X-Rate-Limit-Limit", Integer.toString(decision.limit()));
    headers.set("X-Rate-Limit-Remaining", Integer.toString(decision.remaining()));
    headers.set("X-Rate-Limit-Reset", Long.toString(resetSeconds));
  }
}
