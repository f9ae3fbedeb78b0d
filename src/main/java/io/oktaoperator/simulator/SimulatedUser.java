package io.oktaoperator.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable snapshot of a user stored in the simulator, as of the moment it was taken.
 *
 * @param id Okta user id ({@code 00u...}, 20 characters)
 * @param status Okta status such as {@code ACTIVE}
 * @param transitioningToStatus target of a running asynchronous activation or deactivation, or null
 * @param created creation time
 * @param activated time of the last activation to ACTIVE, or null
 * @param statusChanged time of the last status change, or null before the first one
 * @param lastLogin always null: the simulator has no sign-in
 * @param lastUpdated time of the last change to profile, credentials or status
 * @param passwordChanged time the password was last set, or null without a password
 * @param typeId user type id ({@code oty...})
 * @param profile profile attributes in the order they were first set; unset attributes are absent
 * @param hasPassword whether the user has a password credential
 * @param recoveryQuestion the recovery question, or null
 * @param providerType credential provider type, such as {@code OKTA} or {@code IMPORT}
 * @param providerName credential provider name, such as {@code OKTA}
 */
public record SimulatedUser(
    String id,
    String status,
    String transitioningToStatus,
    Instant created,
    Instant activated,
    Instant statusChanged,
    Instant lastLogin,
    Instant lastUpdated,
    Instant passwordChanged,
    String typeId,
    Map<String, Object> profile,
    boolean hasPassword,
    String recoveryQuestion,
    String providerType,
    String providerName) {

  public SimulatedUser {
    profile = immutableCopy(profile);
  }

  /** Returns {@code profile.login}, or null if unset. */
  public String login() {
    Object login = profile.get("login");
    return login == null ? null : login.toString();
  }

  private static Map<String, Object> immutableCopy(Map<String, Object> profile) {
    Map<String, Object> copy = new LinkedHashMap<>();
    profile.forEach((name, value) -> copy.put(name, immutableValue(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object immutableValue(Object value) {
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(element -> copy.add(immutableValue(element)));
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, element) -> copy.put(key, immutableValue(element)));
      return Collections.unmodifiableMap(copy);
    }
    return value;
  }
}
