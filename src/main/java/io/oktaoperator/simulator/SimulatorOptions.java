package io.oktaoperator.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Settings of an {@link OktaSimulator}; build with {@link #builder()}. */
public final class SimulatorOptions {

  private final int port;
  private final String bindAddress;
  private final String apiToken;
  private final Duration asyncTransitionDelay;
  private final Clock clock;
  private final Map<RateLimitBucket, Integer> rateLimits;
  private final Long faultSeed;
  private final RateLimitProfile rateLimitProfile;
  private final int tokenSharePercent;
  private final Integer concurrencyLimit;
  private final List<ApiToken> tokens;
  private final Duration searchIndexLag;

  private SimulatorOptions(Builder builder) {
    this.faultSeed = builder.faultSeed;
    this.rateLimitProfile = builder.rateLimitProfile;
    this.tokenSharePercent = builder.tokenSharePercent;
    this.concurrencyLimit = builder.concurrencyLimit;
    this.tokens = List.copyOf(builder.tokens);
    this.searchIndexLag = builder.searchIndexLag;
    this.port = builder.port;
    this.bindAddress = builder.bindAddress;
    this.apiToken = builder.apiToken;
    this.asyncTransitionDelay = builder.asyncTransitionDelay;
    this.clock = builder.clock;
    Map<RateLimitBucket, Integer> limits = new EnumMap<>(RateLimitBucket.class);
    limits.putAll(builder.rateLimits);
    this.rateLimits = Collections.unmodifiableMap(limits);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** TCP port to listen on; 0 picks a free port. */
  public int port() {
    return port;
  }

  /** Address to listen on, such as {@code 127.0.0.1}. */
  public String bindAddress() {
    return bindAddress;
  }

  /** API token that clients must send, or null to generate a random one at start. */
  public String apiToken() {
    return apiToken;
  }

  /** Returns the time an activation or deactivation runs before the status changes; zero means at once. */
  public Duration asyncTransitionDelay() {
    return asyncTransitionDelay;
  }

  /** Clock for timestamps, asynchronous transitions and rate-limit windows. */
  public Clock clock() {
    return clock;
  }

  /** Per-minute limits that replace those of {@link #rateLimitProfile()}. */
  public Map<RateLimitBucket, Integer> rateLimits() {
    return rateLimits;
  }

  /** Okta plan whose default rate limits apply; {@link RateLimitProfile#ENTERPRISE} unless set. */
  public RateLimitProfile rateLimitProfile() {
    return rateLimitProfile;
  }

  /** Returns the per-minute limit of a bucket: the override if set, else the profile's. */
  public int rateLimit(RateLimitBucket bucket) {
    return rateLimits.getOrDefault(bucket, rateLimitProfile.limit(bucket));
  }

  /** Share of each bucket that one token may use, in percent; 50 unless set, as Okta's default. */
  public int tokenSharePercent() {
    return tokenSharePercent;
  }

  /** Maximum Users API requests in flight at once: the override if set, else the profile's. */
  public int concurrencyLimit() {
    return concurrencyLimit == null ? rateLimitProfile.concurrencyLimit() : concurrencyLimit;
  }

  /** Seed of the pseudo-random generator behind random faults, or null for a random seed. */
  public Long faultSeed() {
    return faultSeed;
  }

  /** Tokens accepted besides {@link #apiToken()}, each with its scopes. */
  public List<ApiToken> tokens() {
    return tokens;
  }

  /** Returns how far {@code search} and {@code filter} results lag behind writes; zero means not at all. */
  public Duration searchIndexLag() {
    return searchIndexLag;
  }

  /** Builder of {@link SimulatorOptions}. */
  public static final class Builder {

    private int port = 0;
    private String bindAddress = "127.0.0.1";
    private String apiToken;
    private Duration asyncTransitionDelay = Duration.ZERO;
    private Clock clock = Clock.systemUTC();
    private final Map<RateLimitBucket, Integer> rateLimits = new EnumMap<>(RateLimitBucket.class);
    private Long faultSeed;
    private RateLimitProfile rateLimitProfile = RateLimitProfile.ENTERPRISE;
    private int tokenSharePercent = 50;
    private Integer concurrencyLimit;
    private final List<ApiToken> tokens = new ArrayList<>();
    private Duration searchIndexLag = Duration.ZERO;

    private Builder() {}

    /**
     * Makes {@code search} and {@code filter} show users as they were this long ago, like Okta's
     * eventually consistent search index; default zero (no lag). Get by id or login never lags.
     */
    public Builder searchIndexLag(Duration lag) {
      this.searchIndexLag = requireNonNegative(lag);
      return this;
    }

    /** Seed for random faults (jitter, 5xx responses, timeouts), so that a test gets the same faults in each run. */
    public Builder faultSeed(long seed) {
      this.faultSeed = seed;
      return this;
    }

    /** TCP port, 0 (the default) for a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Address to listen on; default {@code 127.0.0.1}, so only this machine can connect. */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /** Token with every scope, for {@code Authorization: SSWS}, {@code Bearer} or {@code DPoP}; random if unset. */
    public Builder apiToken(String apiToken) {
      if (apiToken == null || apiToken.isBlank()) {
        throw new IllegalArgumentException("apiToken must not be blank");
      }
      this.apiToken = apiToken;
      return this;
    }

    /**
     * Adds a token with the given scopes, such as {@code okta.users.read}; repeatable. Requests
     * whose token lacks the scope an operation needs get 403 E0000006. The token of
     * {@link #apiToken(String)}, or the random one, is accepted too and has every scope.
     */
    public Builder token(String value, String... scopes) {
      tokens.add(ApiToken.withScopes(value, scopes));
      return this;
    }

    /** Adds a token; see {@link #token(String, String...)}. */
    public Builder token(ApiToken token) {
      tokens.add(Objects.requireNonNull(token, "token"));
      return this;
    }

    /** Duration of asynchronous activations and deactivations; default zero (synchronous). */
    public Builder asyncTransitionDelay(Duration delay) {
      this.asyncTransitionDelay = requireNonNegative(delay);
      return this;
    }

    /** Clock of the simulated org; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Okta plan whose default per-minute and concurrency limits apply; default Enterprise. */
    public Builder rateLimitProfile(RateLimitProfile profile) {
      this.rateLimitProfile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Share of each bucket's per-minute limit that one token may use, from 1 to 100 percent, with
     * the number of requests rounded up. The default is 50, as Okta's default for an API token or
     * OAuth app.
     */
    public Builder tokenSharePercent(int percent) {
      if (percent < 1 || percent > 100) {
        throw new IllegalArgumentException("percent must be between 1 and 100, got " + percent);
      }
      this.tokenSharePercent = percent;
      return this;
    }

    /** Maximum Users API requests in flight at once, beyond which requests get 429; default the profile's. */
    public Builder concurrencyLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1, got " + limit);
      }
      this.concurrencyLimit = limit;
      return this;
    }

    /**
     * Sets the per-minute limit of a bucket in place of the profile's; 0 rejects every request of
     * the bucket with 429. Each token may use its share of this limit.
     */
    public Builder rateLimit(RateLimitBucket bucket, int requestsPerMinute) {
      Objects.requireNonNull(bucket, "bucket");
      if (requestsPerMinute < 0) {
        throw new IllegalArgumentException("requestsPerMinute must not be negative, got " + requestsPerMinute);
      }
      rateLimits.put(bucket, requestsPerMinute);
      return this;
    }

    public SimulatorOptions build() {
      return new SimulatorOptions(this);
    }
  }

  static Duration requireNonNegative(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    return delay;
  }
}
