package io.oktaoperator.okta;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import okhttp3.Headers;

/**
 * The client-side rate-limit budget of one Okta org: a request count per bucket, a backoff after
 * Okta's concurrency limit, and a cap on requests in flight.
 *
 * <p>{@link #acquire} either returns a {@link Permit} at once or throws a client-side {@link
 * OktaRateLimitException} whose {@code resetAt} is the time to try again. It never blocks, so no
 * reconcile thread waits for budget. Thread-safe. RATE-LIMITS.md beside this class explains the
 * design.
 */
final class RateLimiter {

  /** Okta's error code for HTTP 429, also used for requests this class rejects. */
  static final String RATE_LIMIT_ERROR_CODE = "E0000047";

  /** Default cap on requests in flight: under half of Okta's concurrency limit of 75, and within the 35 of the smallest plan. */
  static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 35;

  /** Default number of requests per window left unused for other clients of the org. */
  static final int DEFAULT_RESERVE = 0;

  /** First delay of a fallback backoff. Each further consecutive 429 doubles it. */
  static final Duration BACKOFF_INITIAL = Duration.ofSeconds(1);

  /** Maximum fallback backoff for a bucket, the length of one Okta rate-limit window. */
  static final Duration BACKOFF_MAX = Duration.ofSeconds(60);

  /** Maximum backoff after Okta's concurrency limit, which frees up as soon as requests finish. */
  static final Duration CONCURRENCY_BACKOFF_MAX = Duration.ofSeconds(8);

  /** Delay before a request rejected by the in-flight cap should be tried again (before jitter). */
  static final Duration IN_FLIGHT_RETRY = Duration.ofSeconds(1);

  /**
   * Share of a delay removed at random, so clients rejected together spread out: a delay {@code d}
   * becomes a value in {@code (0.8 d, d]}.
   */
  static final double JITTER_FRACTION = 0.2;

  /**
   * Maximum time ahead that an {@code X-Rate-Limit-Reset} may lie and still be used. Okta's windows
   * last 60 s, so a reset further away comes from a wrong header or a wrong clock.
   */
  static final Duration MAX_RESET_AHEAD = Duration.ofMinutes(5);

  private final Clock clock;
  private final int maxConcurrentRequests;
  private final int reserve;
  private final DoubleSupplier random;
  private final Semaphore inFlight;

  // Guarded by this.
  private final Map<String, Bucket> buckets = new HashMap<>();
  private Instant concurrencyBackoffUntil = Instant.MIN;
  private int consecutiveConcurrencyRejections;

  /**
   * @param maxConcurrentRequests requests that may be in flight at once; at least 1
   * @param reserve requests per window and bucket left unused; at least 0
   */
  RateLimiter(Clock clock, int maxConcurrentRequests, int reserve) {
    this(clock, maxConcurrentRequests, reserve, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** @param random source of jitter, returning values in {@code [0, 1)} */
  RateLimiter(Clock clock, int maxConcurrentRequests, int reserve, DoubleSupplier random) {
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, got " + maxConcurrentRequests);
    }
    if (reserve < 0) {
      throw new IllegalArgumentException("rateLimitReserve must be 0 or more, got " + reserve);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxConcurrentRequests = maxConcurrentRequests;
    this.reserve = reserve;
    this.random = random;
    this.inFlight = new Semaphore(maxConcurrentRequests);
  }

  /**
   * Takes one request from the bucket's budget and one in-flight slot, or rejects the request.
   * Release the returned permit once the response has been read or the request failed.
   *
   * @param bucket the rate-limit bucket, such as {@code GET /api/v1/users/{id}}
   * @param operation Okta operation id, method and path, for the exception message
   * @throws OktaRateLimitException with {@link OktaRateLimitException#clientSide()} true when the
   *     bucket's budget is spent, a concurrency-limit backoff is running, or the in-flight cap is reached
   */
  synchronized Permit acquire(String bucket, String operation) {
    Instant now = clock.instant();

    if (now.isBefore(concurrencyBackoffUntil)) {
      throw rejection(
          operation,
          "Okta's concurrency limit was exceeded (HTTP 429 with X-Rate-Limit-Limit: 0), so the client holds"
              + " requests to this org for a short backoff",
          concurrencyBackoffUntil);
    }

    Bucket state = buckets.get(bucket);
    boolean windowOpen = state != null && now.isBefore(state.resetAt);
    if (windowOpen && state.remaining <= reserve) {
      throw rejection(operation, describeSpent(bucket, state), state.resetAt);
    }

    if (!inFlight.tryAcquire()) {
      throw rejection(
          operation,
          "The client already has " + maxConcurrentRequests + " requests in flight to this Okta org, its"
              + " maximum (maxConcurrentRequests)",
          now.plus(jittered(IN_FLIGHT_RETRY)));
    }

    // Counted before the response arrives, so concurrent reconciles cannot all spend the last request.
    if (windowOpen) {
      state.remaining--;
    }
    return new Permit();
  }

  /**
   * Updates the budget from a response's {@code X-Rate-Limit-*} headers, which replace the local
   * count because Okta's numbers are authoritative.
   *
   * @param bucket the bucket passed to {@link #acquire}
   * @return for HTTP 429, when the bucket (or, after the concurrency limit, the whole org) may be
   *     used again; null for other statuses
   */
  synchronized Instant recordResponse(String bucket, int httpStatus, Headers headers) {
    Instant now = clock.instant();
    Integer limit = parseInteger(headers, RateLimitSnapshot.LIMIT_HEADER);
    Integer remaining = parseInteger(headers, RateLimitSnapshot.REMAINING_HEADER);

    if (httpStatus == 429 && limit != null && limit == 0) {
      // Okta's concurrency limit was hit. Its X-Rate-Limit-Reset is only an estimate, and the limit
      // frees up as requests finish, so a short backoff for the whole org replaces a 60 s window.
      consecutiveConcurrencyRejections++;
      concurrencyBackoffUntil = now.plus(backoff(consecutiveConcurrencyRejections, CONCURRENCY_BACKOFF_MAX));
      return concurrencyBackoffUntil;
    }
    consecutiveConcurrencyRejections = 0;

    if (httpStatus == 429) {
      Bucket state = buckets.computeIfAbsent(bucket, key -> new Bucket());
      state.consecutiveRejections++;
      if (limit != null && limit > 0) {
        state.limit = limit;
      }
      state.remaining = 0;
      state.resetAt = windowEndOrBackoff(headers, now, state.consecutiveRejections);
      state.closedByRejection = true;
      return state.resetAt;
    }

    Bucket state = buckets.get(bucket);
    if (state != null && state.closedByRejection && now.isBefore(state.resetAt)) {
      // This response arrived after the 429 but was counted by Okta before it, so its numbers are
      // older than the 429 and must not reopen the window.
      return null;
    }
    boolean usableCounts = limit != null && limit > 0 && remaining != null;
    if (!usableCounts) {
      // A response without the headers, for example from a proxy, leaves the budget unchanged.
      if (state != null) {
        state.consecutiveRejections = 0;
      }
      return null;
    }
    if (state == null) {
      state = new Bucket();
      buckets.put(bucket, state);
    }
    state.consecutiveRejections = 0;
    state.closedByRejection = false;
    state.limit = limit;
    state.remaining = Math.max(0, remaining);
    // With an unusable reset the count is trusted only for a short backoff, after which the next
    // response brings fresh numbers.
    state.resetAt = windowEndOrBackoff(headers, now, 1);
    return null;
  }

  /**
   * Returns a copy of the budget per bucket: the last limit Okta reported (0 when none was), the
   * requests left by the local count, and when the window ends. A {@code resetAt} in the past means
   * the window is over and the next response brings the new numbers.
   */
  synchronized Map<String, RateLimitSnapshot> budgets() {
    Map<String, RateLimitSnapshot> copy = new HashMap<>();
    buckets.forEach((key, state) -> copy.put(key, new RateLimitSnapshot(key, state.limit, state.remaining, state.resetAt)));
    return Map.copyOf(copy);
  }

  /** Returns the number of permits handed out and not yet released. */
  int requestsInFlight() {
    return maxConcurrentRequests - inFlight.availablePermits();
  }

  /**
   * Returns when the window ends by this class's clock, or a fallback backoff when {@code
   * X-Rate-Limit-Reset} is missing, not epoch seconds, repeated with different values, not in the
   * future, or more than {@link #MAX_RESET_AHEAD} ahead.
   *
   * <p>The reset is measured from the response's {@code Date} header when there is one, as Okta's
   * Java SDK does, so a skew between Okta's clock and this one does not move the window end.
   * Both headers have whole seconds, so the result may be up to about 2 s later than the true end.
   */
  private Instant windowEndOrBackoff(Headers headers, Instant now, int attempt) {
    Duration untilReset = untilReset(headers, now);
    if (untilReset == null) {
      return now.plus(backoff(attempt, BACKOFF_MAX));
    }
    return now.plus(untilReset);
  }

  private static Duration untilReset(Headers headers, Instant now) {
    List<String> values = headers.values(RateLimitSnapshot.RESET_HEADER);
    if (values.isEmpty()) {
      return null;
    }
    String value = values.get(0).trim();
    for (String other : values) {
      if (!other.trim().equals(value)) {
        return null;
      }
    }

    Instant reset;
    try {
      reset = Instant.ofEpochSecond(Long.parseLong(value));
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
    Instant serverNow = headers.getInstant("Date");
    Duration untilReset = Duration.between(serverNow != null ? serverNow : now, reset);
    if (untilReset.isNegative() || untilReset.isZero() || untilReset.compareTo(MAX_RESET_AHEAD) > 0) {
      return null;
    }
    return untilReset;
  }

  /**
   * Returns {@link #BACKOFF_INITIAL} doubled for each attempt after the first, capped at {@code
   * max}, minus up to {@link #JITTER_FRACTION} of it at random.
   *
   * @param attempt 1 for the first backoff in a row
   */
  private Duration backoff(int attempt, Duration max) {
    int doublings = Math.min(attempt - 1, 30);
    long nominalMillis = Math.min(max.toMillis(), BACKOFF_INITIAL.toMillis() << doublings);
    return jittered(Duration.ofMillis(nominalMillis));
  }

  private Duration jittered(Duration delay) {
    long millis = delay.toMillis();
    long jitterMillis = (long) (millis * JITTER_FRACTION * random.getAsDouble());
    return Duration.ofMillis(millis - jitterMillis);
  }

  private String describeSpent(String bucket, Bucket state) {
    String left = state.limit > 0 ? state.remaining + " of " + state.limit : Integer.toString(state.remaining);
    return "The client-side rate-limit budget for " + bucket + " is spent: " + left
        + " requests left in Okta's window, " + reserve + " kept in reserve (rateLimitReserve)";
  }

  private static OktaRateLimitException rejection(String operation, String summary, Instant resetAt) {
    return new OktaRateLimitException(operation, new OktaError(RATE_LIMIT_ERROR_CODE, summary, null, List.of()), resetAt, true);
  }

  private static Integer parseInteger(Headers headers, String name) {
    String value = headers.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** One bucket's budget as last reported by Okta, minus the requests sent since. */
  private static final class Bucket {
    int limit;
    int remaining;
    Instant resetAt = Instant.MIN;
    int consecutiveRejections;
    boolean closedByRejection;
  }

  /** One request's in-flight slot; releasing it again has no effect. */
  final class Permit {

    private final AtomicBoolean released = new AtomicBoolean();

    private Permit() {}

    /** Frees the slot for another request. */
    void release() {
      if (released.compareAndSet(false, true)) {
        inFlight.release();
      }
    }
  }
}
