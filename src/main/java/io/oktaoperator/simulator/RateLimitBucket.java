package io.oktaoperator.simulator;

import java.util.List;

/**
 * Okta's per-minute rate-limit buckets for the Users API, with the defaults of the Enterprise plan
 * from Okta's management rate-limit page (okta-developer-docs, docs/reference/rl-global-mgmt),
 * which Okta removed in December 2025. A request counts against the most specific bucket that
 * matches its method and path.
 */
public enum RateLimitBucket {
  /** {@code GET} and {@code POST /api/v1/users}: list, search and create share one bucket. */
  USERS_COLLECTION(600),
  /** {@code POST}, {@code PUT} and {@code DELETE /api/v1/users/{id}}. */
  USER_WRITE(600),
  /** {@code GET /api/v1/users/{idOrLogin}}. */
  USER_READ(1000),
  /** Every other request, including {@code /api/v1/users/{id}/lifecycle/*}. */
  OTHER_API(600);

  private final int defaultLimit;

  RateLimitBucket(int defaultLimit) {
    this.defaultLimit = defaultLimit;
  }

  /** Returns the default number of requests per minute. */
  public int defaultLimit() {
    return defaultLimit;
  }

  /**
   * Returns the bucket of a request.
   *
   * @param pathSegments the decoded path split at {@code /}, without empty segments
   */
  static RateLimitBucket forRequest(String method, List<String> pathSegments) {
    boolean underUsers =
        pathSegments.size() >= 3
            && pathSegments.get(0).equals("api")
            && pathSegments.get(1).equals("v1")
            && pathSegments.get(2).equals("users");
    if (underUsers && pathSegments.size() == 3 && (method.equals("GET") || method.equals("POST"))) {
      return USERS_COLLECTION;
    }
    if (underUsers && pathSegments.size() == 4) {
      if (method.equals("GET")) {
        return USER_READ;
      }
      if (method.equals("POST") || method.equals("PUT") || method.equals("DELETE")) {
        return USER_WRITE;
      }
    }
    return OTHER_API;
  }
}
