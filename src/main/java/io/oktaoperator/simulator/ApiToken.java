package io.oktaoperator.simulator;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A token that the simulator accepts in {@code Authorization: SSWS}, {@code Bearer} or
 * {@code DPoP}, with the OAuth scopes it grants. An Okta API token (SSWS) acts with its admin's
 * privileges, which the simulator models as {@link #ALL_SCOPES}.
 *
 * @param value the token itself
 * @param scopes granted scopes; {@code okta.users.manage} implies {@code okta.users.read}, and
 *     {@code okta.roles.manage} implies {@code okta.roles.read}
 */
public record ApiToken(String value, Set<String> scopes) {

  public static final String USERS_READ = "okta.users.read";
  public static final String USERS_MANAGE = "okta.users.manage";
  public static final String ROLES_READ = "okta.roles.read";
  public static final String ROLES_MANAGE = "okta.roles.manage";

  /** Every scope that the simulator checks. */
  public static final Set<String> ALL_SCOPES = Set.of(USERS_READ, USERS_MANAGE, ROLES_READ, ROLES_MANAGE);

  public ApiToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A token must not be blank");
    }
    Objects.requireNonNull(scopes, "scopes");
    scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
  }

  /** Returns a token with every scope, as the single {@code apiToken} option gives. */
  public static ApiToken withAllScopes(String value) {
    return new ApiToken(value, ALL_SCOPES);
  }

  /** Returns a token with the given scopes. */
  public static ApiToken withScopes(String value, String... scopes) {
    return new ApiToken(value, new LinkedHashSet<>(Arrays.asList(scopes)));
  }

  /** Returns whether the token grants {@code scope}, directly or through the manage scope that implies it. */
  public boolean grants(String scope) {
    if (scopes.contains(scope)) {
      return true;
    }
    if (scope.equals(USERS_READ)) {
      return scopes.contains(USERS_MANAGE);
    }
    return scope.equals(ROLES_READ) && scopes.contains(ROLES_MANAGE);
  }

  @Override
  public String toString() {
    return "ApiToken[value=***, scopes=" + scopes + "]";
  }
}
