package io.oktaoperator.okta;

import java.util.Map;

/**
 * The body of a create-user call.
 *
 * @param profile profile attributes to set
 * @param password initial password, or null for none
 * @param recoveryQuestion recovery question, or null; requires {@code recoveryAnswer}
 * @param recoveryAnswer answer to the recovery question, or null
 */
public record NewUser(
    Map<String, Object> profile,
    SecretValue password,
    String recoveryQuestion,
    SecretValue recoveryAnswer) {

  public static NewUser withProfile(Map<String, Object> profile) {
    return new NewUser(profile, null, null, null);
  }
}
