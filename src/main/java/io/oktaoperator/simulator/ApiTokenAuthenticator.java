package io.oktaoperator.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks the {@code Authorization} header against the configured API tokens. Accepts the schemes
 * {@code SSWS} (Okta API token) and {@code Bearer} (OAuth access token), compared ignoring case as
 * RFC 9110 requires.
 *
 * <p>TODO: DPoP-bound tokens, OAuth scopes and admin roles are not simulated yet.
 */
final class ApiTokenAuthenticator {

  private static final List<String> SCHEMES = List.of("SSWS", "Bearer");

  private final List<byte[]> tokens;

  ApiTokenAuthenticator(List<String> tokens) {
    this.tokens = tokens.stream().map(token -> token.getBytes(StandardCharsets.UTF_8)).toList();
  }

  boolean isAuthorized(String authorizationHeader) {
    if (authorizationHeader == null) {
      return false;
    }
    String header = authorizationHeader.trim();
    int space = header.indexOf(' ');
    if (space < 0) {
      return false;
    }
    String scheme = header.substring(0, space);
    byte[] presented = header.substring(space + 1).trim().getBytes(StandardCharsets.UTF_8);
    if (SCHEMES.stream().noneMatch(scheme::equalsIgnoreCase)) {
      return false;
    }
    boolean matched = false;
    for (byte[] token : tokens) {
      // Constant-time comparison, so response times do not reveal how much of a token matched.
      matched |= MessageDigest.isEqual(token, presented);
    }
    return matched;
  }
}
