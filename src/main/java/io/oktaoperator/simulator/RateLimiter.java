package io.oktaoperator.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per-minute request counters, one per {@link RateLimitBucket}. Like Okta's, a window is not
 * aligned to wall-clock minutes: it starts with the first request after the previous window ended.
 * Thread-safe.
 *
 * <p>TODO: Okta's concurrency limit and the 50% share of a bucket per API token are not simulated.
 */
final class RateLimiter {

  static final Duration WINDOW = Duration.ofMinutes(1);

  private final Clock clock;
  private final Map<RateLimitBucket, Integer> limits;
  private final Map<RateLimitBucket, Integer> overrides = new EnumMap<>(RateLimitBucket.class);
  private final Map<RateLimitBucket, Window> windows = new EnumMap<>(RateLimitBucket.class);

  /**
   * Outcome of counting one request.
   *
   * @param limit the bucket's limit per window
   * @param remaining requests left in the window after this one
   * @param untilReset time until the window ends, by the simulator's clock
   * @param allowed false if the request exceeded the limit and must get a 429
   */
  record Decision(int limit, int remaining, Duration untilReset, boolean allowed) {}

  private static final class Window {
    final Instant start;
    int count;

    Window(Instant start) {
      this.start = start;
    }
  }

  RateLimiter(Clock clock, Map<RateLimitBucket, Integer> limits) {
    this.clock = clock;
    this.limits = new EnumMap<>(RateLimitBucket.class);
    this.limits.putAll(limits);
  }

  /** Counts a request against its bucket and returns whether it is within the limit. */
  synchronized Decision acquire(RateLimitBucket bucket) {
    Instant now = clock.instant();
    Window window = windows.get(bucket);
    if (window == null || !now.isBefore(window.start.plus(WINDOW))) {
      window = new Window(now);
      windows.put(bucket, window);
    }
    int limit = overrides.getOrDefault(bucket, limits.getOrDefault(bucket, bucket.defaultLimit()));
    Duration untilReset = Duration.between(now, window.start.plus(WINDOW));
    if (window.count >= limit) {
      return new Decision(limit, 0, untilReset, false);
    }
    window.count++;
    return new Decision(limit, limit - window.count, untilReset, true);
  }

  /** Replaces the configured limit of a bucket until {@link #clearOverrides()}. */
  synchronized void override(RateLimitBucket bucket, int requestsPerMinute) {
    if (requestsPerMinute < 0) {
      throw new IllegalArgumentException("requestsPerMinute must not be negative, got " + requestsPerMinute);
    }
    overrides.put(bucket, requestsPerMinute);
  }

  synchronized void clearOverrides() {
    overrides.clear();
  }

  synchronized Map<RateLimitBucket, Integer> overrides() {
    return Map.copyOf(overrides);
  }
}
