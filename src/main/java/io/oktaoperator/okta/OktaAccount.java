package io.oktaoperator.okta;

import java.time.Instant;
import java.util.Map;

/**
 * A user as Okta's Users API returns it. Named apart from the {@code OktaUser} custom resource.
 *
 * @param id Okta user id ({@code 00u...})
 * @param status Okta status, such as {@code ACTIVE}
 * @param transitioningToStatus target of a running asynchronous transition, or null
 * @param profile the profile attributes, standard and custom, as Okta returned them
 */
public record OktaAccount(
    String id,
    String status,
    String transitioningToStatus,
    Instant created,
    Instant activated,
    Instant statusChanged,
    Instant lastLogin,
    Instant lastUpdated,
    Instant passwordChanged,
    Map<String, Object> profile) {

  public String login() {
    Object login = profile == null ? null : profile.get("login");
    return login == null ? null : login.toString();
  }
}
