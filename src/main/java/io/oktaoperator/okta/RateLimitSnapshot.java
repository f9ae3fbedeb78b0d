package io.oktaoperator.okta;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * The rate-limit headers of one Okta response: {@code X-Rate-Limit-Limit}, {@code
 * X-Rate-Limit-Remaining} and {@code X-Rate-Limit-Reset}.
 *
 * <p>Okta matches a request to a bucket by HTTP method and the most specific configured path, and
 * the buckets differ between orgs. {@code endpoint} is the operation's method and path template,
 * such as {@code GET /api/v1/users/{id}}, which is the closest the client can get to the bucket
 * without the org's rate-limit settings.
 *
 * @param endpoint HTTP method and path template of the request that returned the headers
 * @param limit requests allowed in the current window; 0 when Okta's concurrency limit was hit
 * @param remaining requests left in the current window
 * @param resetAt when the window resets, or null when the header was missing or not epoch seconds
 */
public record RateLimitSnapshot(String endpoint, int limit, int remaining, Instant resetAt) {

  static final String LIMIT_HEADER = "X-Rate-Limit-Limit";
  static final String REMAINING_HEADER = "X-Rate-Limit-Remaining";
  static final String RESET_HEADER = "X-Rate-Limit-Reset";

  /** Reads the three headers, or returns empty unless both the limit and the remaining count are integers. */
  static Optional<RateLimitSnapshot> fromHeaders(String endpoint, Headers headers) {
    Integer limit = parseInteger(headers.get(LIMIT_HEADER));
    Integer remaining = parseInteger(headers.get(REMAINING_HEADER));
    if (limit == null || remaining == null) {
      return Optional.empty();
    }
    return Optional.of(new RateLimitSnapshot(endpoint, limit, remaining, parseResetAt(headers)));
  }

  /** Reads {@code X-Rate-Limit-Reset} (UTC epoch seconds), or returns null when it is missing or not an integer. */
  static Instant parseResetAt(Headers headers) {
    String value = headers.get(RESET_HEADER);
    if (value == null) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(value.trim()));
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }

  private static Integer parseInteger(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
