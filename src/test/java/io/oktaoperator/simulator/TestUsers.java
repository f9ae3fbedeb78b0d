package io.oktaoperator.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies and profiles for the simulator's tests. */
final class TestUsers {

  /** A password that meets Okta's default policy for the logins these tests use. */
  static final String PASSWORD = "Tr0ub4dor-Horse";

  private TestUsers() {}

  /** Returns a valid profile whose e-mail equals the login and whose names derive from it. */
  static Map<String, Object> profile(String login) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("login", login);
    profile.put("email", login);
    profile.put("firstName", "First");
    profile.put("lastName", "Last");
    return profile;
  }

  /** Returns a create body with only the profile. */
  static String createBody(String login) {
    return "{\"profile\":" + json(profile(login)) + "}";
  }

  /** Returns a create body with the profile and {@link #PASSWORD}. */
  static String createBodyWithPassword(String login) {
    return "{\"profile\":"
        + json(profile(login))
        + ",\"credentials\":{\"password\":{\"value\":\""
        + PASSWORD
        + "\"}}}";
  }

  static String json(Object value) {
    try {
      return SimulatorClient.MAPPER.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
