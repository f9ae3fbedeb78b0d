package io.oktaoperator.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Okta's rate limits: per-minute counters, one per {@link RateLimitBucket}, a share of each bucket
 * per token, and a limit on requests in flight. Like Okta's, a window is not aligned to wall-clock
 * minutes: it starts with the first request after the previous window of the bucket ended, and
 * the per-token counters reset with it. Thread-safe.
 *
 * <p>A token may use at most {@code tokenSharePercent} of a bucket's limit, rounded up, as Okta's
 * default of 50% per API token or OAuth app. The headers report the ceiling that applies to the
 * request: the token's share, or the org's limit once fewer requests remain in the org's window
 * than in the token's share.
 */
final class RateLimiter {

  static final Duration WINDOW = Duration.ofMinutes(1);

  private final Clock clock;
  private final Map<RateLimitBucket, Integer> limits;
  private final int tokenSharePercent;
  private final int concurrencyLimit;
  private final Map<RateLimitBucket, Integer> overrides = new EnumMap<>(RateLimitBucket.class);
  private final Map<RateLimitBucket, Window> windows = new EnumMap<>(RateLimitBucket.class);
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * Outcome of counting one request.
   *
   * @param limit the ceiling that applies to the request per window, 0 for the concurrency limit
   * @param remaining requests left in the window after this one
   * @param untilReset time until the window ends, by the simulator's clock
   * @param allowed false if the request exceeded the limit and must get a 429
   */
  record Decision(int limit, int remaining, Duration untilReset, boolean allowed) {}

  private static final class Window {
    final Instant start;
    int count;
    final Map<String, Integer> countsByToken = new HashMap<>();

    Window(Instant start) {
      this.start = start;
    }
  }

  /**
   * @param limits per-minute limit of every bucket
   * @param tokenSharePercent share of a bucket one token may use, 1 to 100
   * @param concurrencyLimit maximum requests in flight at once
   */
  RateLimiter(Clock clock, Map<RateLimitBucket, Integer> limits, int tokenSharePercent, int concurrencyLimit) {
    this.clock = clock;
    this.limits = new EnumMap<>(RateLimitBucket.class);
    this.limits.putAll(limits);
    this.tokenSharePercent = tokenSharePercent;
    this.concurrencyLimit = concurrencyLimit;
  }

  /**
   * Counts a request against its bucket and, when it carries a known token, against the token's
   * share, and returns whether it is within both limits.
   *
   * @param token the request's token, or null for a request without a valid one
   */
  synchronized Decision acquire(RateLimitBucket bucket, String token) {
    Instant now = clock.instant();
    Window window = windows.get(bucket);
    if (window == null || !now.isBefore(window.start.plus(WINDOW))) {
      window = new Window(now);
      windows.put(bucket, window);
    }
    int limit = limit(bucket);
    Duration untilReset = Duration.between(now, window.start.plus(WINDOW));
    int orgRemaining = limit - window.count;
    int tokenLimit = token == null ? limit : tokenShare(limit);
    int tokenRemaining = token == null ? orgRemaining : tokenLimit - window.countsByToken.getOrDefault(token, 0);

    boolean orgBinds = orgRemaining < tokenRemaining;
    int ceiling = orgBinds ? limit : tokenLimit;
    int remaining = Math.min(orgRemaining, tokenRemaining);
    if (remaining <= 0) {
      return new Decision(ceiling, 0, untilReset, false);
    }
    window.count++;
    if (token != null) {
      window.countsByToken.merge(token, 1, Integer::sum);
    }
    return new Decision(ceiling, remaining - 1, untilReset, true);
  }

  /**
   * Counts a request as in flight, unless the concurrency limit is reached. A caller that gets
   * true must call {@link #leaveInFlight()} when the request ends.
   */
  boolean enterInFlight() {
    if (inFlight.incrementAndGet() > concurrencyLimit) {
      inFlight.decrementAndGet();
      return false;
    }
    return true;
  }

  void leaveInFlight() {
    inFlight.decrementAndGet();
  }

  /** Returns the number of requests in flight. */
  int inFlight() {
    return inFlight.get();
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

  private int limit(RateLimitBucket bucket) {
    return overrides.getOrDefault(bucket, limits.get(bucket));
  }

  private int tokenShare(int limit) {
    // Computed in long arithmetic, because a limit near Integer.MAX_VALUE would overflow an int.
    return (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil((long) limit * tokenSharePercent / 100.0));
  }
}
