package io.oktaoperator.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Checks the {@code Authorization} header against the configured tokens. Accepts the schemes
 * {@code SSWS} (Okta API token), {@code Bearer} (OAuth access token) and {@code DPoP}
 * (DPoP-bound access token), compared ignoring case as RFC 9110 requires.
 *
 * <p>NOTE: a DPoP-bound token is accepted without its {@code DPoP} proof header, because the
 * simulator does not verify proofs; Okta rejects such a request with 403.
 */
final class ApiTokenAuthenticator {

  private static final List<String> SCHEMES = List.of("SSWS", "Bearer", "DPoP");

  /** A token presented with its scheme. */
  record Principal(ApiToken token, String scheme) {

    /** Returns whether the token is an OAuth access token, which gets {@code WWW-Authenticate} on 403. */
    boolean isOAuth() {
      return !scheme.equalsIgnoreCase("SSWS");
    }
  }

  private final List<ApiToken> tokens;

  ApiTokenAuthenticator(List<ApiToken> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  /**
   * Returns the scope a request needs: {@code okta.users.read} to read users,
   * {@code okta.users.manage} to change them, and the {@code okta.roles} scopes for
   * {@code /api/v1/users/{id}/roles}, as Okta's OpenAPI spec lists per operation.
   */
  static String requiredScope(String method, List<String> pathSegments) {
    boolean roles = pathSegments.size() >= 5 && pathSegments.get(4).equals("roles");
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (roles) {
      return read ? ApiToken.ROLES_READ : ApiToken.ROLES_MANAGE;
    }
    return read ? ApiToken.USERS_READ : ApiToken.USERS_MANAGE;
  }

  /** Returns the principal of a valid header, or empty for a missing, malformed or unknown token. */
  Optional<Principal> authenticate(String authorizationHeader) {
    if (authorizationHeader == null) {
      return Optional.empty();
    }
    String header = authorizationHeader.trim();
    int space = header.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = header.substring(0, space);
    byte[] presented = header.substring(space + 1).trim().getBytes(StandardCharsets.UTF_8);
    if (SCHEMES.stream().noneMatch(scheme::equalsIgnoreCase)) {
      return Optional.empty();
    }
    ApiToken matched = null;
    for (ApiToken token : tokens) {
      // Constant-time comparison, so response times do not reveal how much of a token matched.
      if (MessageDigest.isEqual(token.value().getBytes(StandardCharsets.UTF_8), presented)) {
        matched = token;
      }
    }
    return Optional.ofNullable(matched).map(token -> new Principal(token, scheme));
  }
}
