package io.oktaoperator.simulator;

import java.util.List;
import java.util.Set;

/**
 * Okta's per-minute rate-limit buckets for the Users API. A request counts against one bucket,
 * chosen as Okta chooses it: by HTTP method and the most specific path, where an exact path
 * (with {@code *} for one segment) wins over a prefix, and a longer prefix over a shorter one.
 * {@link RateLimitProfile} gives the limits per Okta plan.
 */
public enum RateLimitBucket {
  /** {@code GET} and {@code POST /api/v1/users}: list, search and create share one bucket. */
  USERS_COLLECTION,
  /** {@code POST}, {@code PUT} and {@code DELETE /api/v1/users/{id}}. */
  USER_WRITE,
  /** {@code GET /api/v1/users/{idOrLogin}}. */
  USER_READ,
  /**
   * Every other request under {@code /api/v1/}, including {@code /api/v1/users/{id}/lifecycle/*}
   * and {@code /credentials/*}, and any request that no other bucket matches.
   */
  OTHER_API;

  /** A path that a bucket covers: exact (with {@code *} for one segment) or a prefix. */
  private record Route(Set<String> methods, String path, boolean exact, RateLimitBucket bucket) {

    boolean matchesMethod(String method) {
      return methods.isEmpty() || methods.contains(method);
    }

    boolean matchesExactly(List<String> segments) {
      String[] template = path.substring(1).split("/");
      if (template.length != segments.size()) {
        return false;
      }
      for (int i = 0; i < template.length; i++) {
        if (!template[i].equals("*") && !template[i].equals(segments.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private static final List<Route> ROUTES =
      List.of(
          new Route(Set.of("GET", "POST"), "/api/v1/users", true, USERS_COLLECTION),
          new Route(Set.of("POST", "PUT", "DELETE"), "/api/v1/users/*", true, USER_WRITE),
          new Route(Set.of("GET"), "/api/v1/users/*", true, USER_READ),
          new Route(Set.of(), "/api/v1/", false, OTHER_API));

  /** Returns the default limit of the Enterprise plan, in requests per minute. */
  public int defaultLimit() {
    return RateLimitProfile.ENTERPRISE.limit(this);
  }

  /**
   * Returns the bucket of a request.
   *
   * @param pathSegments the decoded path split at {@code /}, without empty segments
   */
  static RateLimitBucket forRequest(String method, List<String> pathSegments) {
    for (Route route : ROUTES) {
      if (route.exact() && route.matchesMethod(method) && route.matchesExactly(pathSegments)) {
        return route.bucket();
      }
    }
    String path = "/" + String.join("/", pathSegments) + "/";
    Route longest = null;
    for (Route route : ROUTES) {
      boolean matches = !route.exact() && route.matchesMethod(method) && path.startsWith(route.path());
      if (matches && (longest == null || route.path().length() > longest.path().length())) {
        longest = route;
      }
    }
    return longest == null ? OTHER_API : longest.bucket();
  }
}
