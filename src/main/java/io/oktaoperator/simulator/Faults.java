package io.oktaoperator.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Faults that the simulator injects into Users API requests: latency, random 5xx responses and
 * timeouts, forced 429s, per-minute limit overrides, and one-off scripted faults for the next
 * matching request. Each setter replaces the previous setting of its kind; {@link #clear()} removes
 * them all. Thread-safe.
 *
 * <p>Random choices (jitter, which requests fail, 500 or 503) come from one pseudo-random
 * generator. With a fixed {@link #seed(long)} a client that sends the same requests one after
 * another gets the same faults in every run; concurrent requests draw in arrival order.
 *
 * <p>A request gets at most one fault, checked in this order: a scripted fault, a forced 429, a
 * random timeout, a random 5xx. Latency comes on top of any of them. The admin API under
 * {@code /__simulator} is never faulted.
 */
public final class Faults {

  private final Clock clock;
  private final RateLimiter rateLimiter;
  private final Object lock = new Object();

  private Random random;
  private Duration latency = Duration.ZERO;
  private Duration latencyJitter = Duration.ZERO;
  private double serverErrorRate;
  private double timeoutRate;
  private Duration timeoutHold = Duration.ZERO;
  private int rateLimitedRequests;
  private Instant rateLimitedUntil;
  private final LinkedList<ScriptedFault> scriptedFaults = new LinkedList<>();

  private record ScriptedFault(String method, PathPattern path, FaultAction action) {

    boolean matches(String requestMethod, String rawPath) {
      return (method.equals("*") || method.equals(requestMethod)) && path.matches(rawPath);
    }
  }

  Faults(Clock clock, RateLimiter rateLimiter, long seed) {
    this.clock = clock;
    this.rateLimiter = rateLimiter;
    this.random = new Random(seed);
  }

  /** Delays every request by {@code fixed}; zero turns latency off. */
  public Faults latency(Duration fixed) {
    return latency(fixed, Duration.ZERO);
  }

  /**
   * Delays every request by {@code fixed} plus a uniformly random part between zero and
   * {@code jitter}, drawn per request.
   */
  public Faults latency(Duration fixed, Duration jitter) {
    SimulatorOptions.requireNonNegative(fixed);
    SimulatorOptions.requireNonNegative(jitter);
    synchronized (lock) {
      latency = fixed;
      latencyJitter = jitter;
    }
    return this;
  }

  /**
   * Responds to the given fraction of requests with a server error in place of handling them: 500
   * E0000009 or 503 E0000010, each with equal chance.
   *
   * @param rate fraction of requests, from 0 (off) to 1 (every request)
   */
  public Faults serverErrors(double rate) {
    requireFraction(rate);
    synchronized (lock) {
      serverErrorRate = rate;
    }
    return this;
  }

  /**
   * Holds the given fraction of requests for {@code hold} before handling them, so that a client
   * whose read timeout is shorter times out before the request takes effect.
   *
   * @param rate fraction of requests, from 0 (off) to 1 (every request)
   */
  public Faults timeouts(double rate, Duration hold) {
    requireFraction(rate);
    SimulatorOptions.requireNonNegative(hold);
    synchronized (lock) {
      timeoutRate = rate;
      timeoutHold = hold;
    }
    return this;
  }

  /** Responds to the next {@code requests} requests with 429 E0000047, whatever their bucket. */
  public Faults rateLimitNextRequests(int requests) {
    if (requests < 0) {
      throw new IllegalArgumentException("requests must not be negative, got " + requests);
    }
    synchronized (lock) {
      rateLimitedRequests = requests;
    }
    return this;
  }

  /**
   * Responds to every request with 429 E0000047 for {@code duration} from now, by the simulator's
   * clock. {@code X-Rate-Limit-Reset} points at the end of that period or later.
   */
  public Faults rateLimitFor(Duration duration) {
    SimulatorOptions.requireNonNegative(duration);
    synchronized (lock) {
      rateLimitedUntil = clock.instant().plus(duration);
    }
    return this;
  }

  /** Replaces the per-minute limit of one bucket until {@link #clear()}; 0 rejects every request of it. */
  public Faults overrideRateLimit(RateLimitBucket bucket, int requestsPerMinute) {
    rateLimiter.override(bucket, requestsPerMinute);
    return this;
  }

  /** Replaces the per-minute limit of every bucket until {@link #clear()}. */
  public Faults overrideRateLimits(int requestsPerMinute) {
    for (RateLimitBucket bucket : RateLimitBucket.values()) {
      rateLimiter.override(bucket, requestsPerMinute);
    }
    return this;
  }

  /**
   * Applies {@code action} to the next request that matches, once. Scripted faults are matched in
   * the order they were added, and each is used up by the first request it matches.
   *
   * @param method HTTP method such as {@code POST}, or {@code *} for any
   * @param pathPattern raw path pattern such as {@code /api/v1/users} or
   *     {@code /api/v1/users/*}{@code /lifecycle/*}; {@code *} matches within one segment and
   *     {@code **} across segments
   */
  public Faults onNextRequest(String method, String pathPattern, FaultAction action) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(action, "action");
    ScriptedFault fault =
        new ScriptedFault(method.toUpperCase(Locale.ROOT), PathPattern.compile(pathPattern), action);
    synchronized (lock) {
      scriptedFaults.add(fault);
    }
    return this;
  }

  /** Restarts the pseudo-random generator behind jitter, 5xx and timeouts from {@code seed}. */
  public Faults seed(long seed) {
    synchronized (lock) {
      random = new Random(seed);
    }
    return this;
  }

  /** Returns how many scripted faults have not matched a request yet. */
  public int pendingScriptedFaults() {
    synchronized (lock) {
      return scriptedFaults.size();
    }
  }

  /** Removes every fault, scripted or not, and every rate-limit override. */
  public void clear() {
    synchronized (lock) {
      latency = Duration.ZERO;
      latencyJitter = Duration.ZERO;
      serverErrorRate = 0;
      timeoutRate = 0;
      timeoutHold = Duration.ZERO;
      rateLimitedRequests = 0;
      rateLimitedUntil = null;
      scriptedFaults.clear();
    }
    rateLimiter.clearOverrides();
  }

  /** Returns the current settings as JSON-ready values, for the admin API. */
  Map<String, Object> describe() {
    Map<String, Object> settings = new LinkedHashMap<>();
    synchronized (lock) {
      settings.put("latencyMillis", latency.toMillis());
      settings.put("latencyJitterMillis", latencyJitter.toMillis());
      settings.put("serverErrorRate", serverErrorRate);
      settings.put("timeoutRate", timeoutRate);
      settings.put("timeoutHoldMillis", timeoutHold.toMillis());
      settings.put("rateLimitedRequests", rateLimitedRequests);
      Instant now = clock.instant();
      long rateLimitedMillis =
          rateLimitedUntil == null || !rateLimitedUntil.isAfter(now) ? 0 : Duration.between(now, rateLimitedUntil).toMillis();
      settings.put("rateLimitedForMillis", rateLimitedMillis);
      List<Map<String, String>> scripted = new ArrayList<>();
      for (ScriptedFault fault : scriptedFaults) {
        scripted.add(Map.of("method", fault.method(), "path", fault.path().toString(), "action", fault.action().toString()));
      }
      settings.put("nextRequest", scripted);
    }
    Map<String, Integer> overrides = new LinkedHashMap<>();
    rateLimiter.overrides().forEach((bucket, limit) -> overrides.put(bucket.name(), limit));
    settings.put("rateLimitOverrides", overrides);
    return settings;
  }

  /** Returns the latency for the next request: the fixed part plus a random share of the jitter. */
  Duration nextLatency() {
    synchronized (lock) {
      if (latencyJitter.isZero()) {
        return latency;
      }
      return latency.plusNanos((long) (random.nextDouble() * latencyJitter.toNanos()));
    }
  }

  /**
   * Picks the fault for a request, using up a scripted fault or a forced 429 if one applies.
   *
   * @return the fault, or null to handle the request normally
   */
  FaultAction nextFault(String method, String rawPath) {
    synchronized (lock) {
      Iterator<ScriptedFault> scripted = scriptedFaults.iterator();
      while (scripted.hasNext()) {
        ScriptedFault fault = scripted.next();
        if (fault.matches(method, rawPath)) {
          scripted.remove();
          return fault.action();
        }
      }
      if (rateLimitedRequests > 0) {
        rateLimitedRequests--;
        return FaultAction.rateLimited();
      }
      if (rateLimitedUntil != null) {
        if (clock.instant().isBefore(rateLimitedUntil)) {
          return FaultAction.rateLimitedUntil(rateLimitedUntil);
        }
        rateLimitedUntil = null;
      }
      if (timeoutRate > 0 && random.nextDouble() < timeoutRate) {
        return FaultAction.hold(timeoutHold);
      }
      if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
        return random.nextBoolean() ? FaultAction.internalServerError() : FaultAction.serviceUnavailable();
      }
      return null;
    }
  }

  private static void requireFraction(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be between 0 and 1, got " + rate);
    }
  }
}
