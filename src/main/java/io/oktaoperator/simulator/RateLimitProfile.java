package io.oktaoperator.simulator;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Okta's default rate limits per plan: requests per minute for each {@link RateLimitBucket}, and
 * the concurrency limit (simultaneous requests in flight per org). The per-minute limits come from
 * the last version of Okta's management rate-limit table (okta-developer-docs, December 2025),
 * removed since in favour of the Admin Console's rate-limit dashboard. The concurrency limits are
 * the current docs' 75 for Workforce and Customer Identity and 35 for the Integrator Free plan,
 * and the previous table's 35 for One App.
 */
public enum RateLimitProfile {
  INTEGRATOR_FREE(100, 100, 100, 100, 35),
  ONE_APP(600, 600, 1000, 600, 35),
  ENTERPRISE(600, 600, 1000, 600, 75),
  WORKFORCE_IDENTITY(600, 600, 2000, 1200, 75);

  private final Map<RateLimitBucket, Integer> limits = new EnumMap<>(RateLimitBucket.class);
  private final int concurrencyLimit;

  RateLimitProfile(int usersCollection, int userWrite, int userRead, int otherApi, int concurrencyLimit) {
    limits.put(RateLimitBucket.USERS_COLLECTION, usersCollection);
    limits.put(RateLimitBucket.USER_WRITE, userWrite);
    limits.put(RateLimitBucket.USER_READ, userRead);
    limits.put(RateLimitBucket.OTHER_API, otherApi);
    this.concurrencyLimit = concurrencyLimit;
  }

  /** Returns the per-minute limit of a bucket. */
  public int limit(RateLimitBucket bucket) {
    return limits.get(bucket);
  }

  /** Returns the maximum number of requests in flight at once. */
  public int concurrencyLimit() {
    return concurrencyLimit;
  }

  /** Returns the profile's name in lower case with dashes, such as {@code integrator-free}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a name such as {@code enterprise} or {@code integrator-free}, in any case.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static RateLimitProfile parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      StringBuilder known = new StringBuilder();
      for (RateLimitProfile profile : values()) {
        known.append(known.length() == 0 ? "" : ", ").append(profile.cliName());
      }
      throw new IllegalArgumentException("Unknown rate-limit profile '" + name + "'; use one of " + known, e);
    }
  }
}
