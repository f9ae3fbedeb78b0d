package io.oktaoperator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oktaoperator.api.v1alpha1.NextLogin;
import io.oktaoperator.api.v1alpha1.OktaUserSpec;
import io.oktaoperator.api.v1alpha1.SecretKeyReference;
import io.oktaoperator.api.v1alpha1.UserCredentials;
import io.oktaoperator.api.v1alpha1.UserState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The spec reduced to what Okta needs, after the checks that the CRD schema cannot make (or that an
 * API server without schema validation skipped). A spec with any problem yields no DesiredUser.
 */
public record DesiredUser(
    Map<String, Object> profile,
    UserState state,
    boolean sendActivationEmail,
    SecretKeyReference passwordRef,
    String recoveryQuestion,
    SecretKeyReference recoveryAnswerRef,
    boolean adopt,
    boolean changePasswordAtNextLogin,
    Map<String, String> actions) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> REQUIRED = List.of("login", "email", "firstName", "lastName");
  // Okta's profile attribute names: a letter, then letters, digits or underscores.
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  public String login() {
    return (String) profile.get("login");
  }

  public boolean hasPassword() {
    return passwordRef != null;
  }

  /**
   * Reads the spec, or reports every problem found in it.
   *
   * @throws InvalidSpecException naming each invalid field and the fix
   */
  @SuppressWarnings("unchecked")
  public static DesiredUser from(OktaUserSpec spec) {
    List<String> problems = new ArrayList<>();
    if (spec == null || spec.getProfile() == null) {
      throw new InvalidSpecException(List.of("spec.profile is missing: set login, email, firstName and lastName"));
    }
    Map<String, Object> profile = new LinkedHashMap<>();
    MAPPER.convertValue(spec.getProfile(), Map.class).forEach((name, value) -> {
      if (value != null) {
        profile.put((String) name, value);
      }
    });
    for (String name : REQUIRED) {
      Object value = profile.get(name);
      if (!(value instanceof String text) || text.isBlank()) {
        problems.add("spec.profile." + name + " is required and must not be blank");
      }
    }
    for (Map.Entry<String, Object> attribute : profile.entrySet()) {
      String name = attribute.getKey();
      if (!ATTRIBUTE_NAME.matcher(name).matches()) {
        problems.add(
            "spec.profile." + name + " is not a valid Okta attribute name: use a letter followed by letters,"
                + " digits or underscores");
      }
      if (containsOutsideBasicPlane(attribute.getValue())) {
        problems.add(
            "spec.profile." + name + " contains a character outside Unicode's Basic Multilingual Plane (such as"
                + " an emoji), which Okta rejects: remove it");
      }
    }

    UserCredentials credentials = spec.getCredentials();
    SecretKeyReference passwordRef = credentials == null ? null : credentials.getPasswordSecretRef();
    checkReference(passwordRef, "spec.credentials.passwordSecretRef", problems);
    String question = null;
    SecretKeyReference answerRef = null;
    if (credentials != null && credentials.getRecoveryQuestion() != null) {
      question = credentials.getRecoveryQuestion().getQuestion();
      answerRef = credentials.getRecoveryQuestion().getAnswerSecretRef();
      if (question == null || question.isBlank()) {
        problems.add("spec.credentials.recoveryQuestion.question is required and must not be blank");
      }
      if (answerRef == null) {
        problems.add("spec.credentials.recoveryQuestion.answerSecretRef is required");
      }
      checkReference(answerRef, "spec.credentials.recoveryQuestion.answerSecretRef", problems);
    }

    boolean changePasswordAtNextLogin = spec.getNextLogin() == NextLogin.CHANGE_PASSWORD;
    UserState state = spec.getState() == null ? UserState.ACTIVE : spec.getState();
    if (changePasswordAtNextLogin && passwordRef == null) {
      problems.add("spec.nextLogin needs a password: set spec.credentials.passwordSecretRef");
    }
    if (changePasswordAtNextLogin && state != UserState.ACTIVE) {
      problems.add("spec.nextLogin applies only to a user activated on create: set spec.state to Active");
    }

    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    return new DesiredUser(
        profile,
        state,
        Boolean.TRUE.equals(spec.getSendActivationEmail()),
        passwordRef,
        question,
        answerRef,
        Boolean.TRUE.equals(spec.getAdopt()),
        changePasswordAtNextLogin,
        spec.getActions() == null ? Map.of() : spec.getActions().requested());
  }

  /** True when a string anywhere in the value contains a code point that needs four bytes in UTF-8. */
  private static boolean containsOutsideBasicPlane(Object value) {
    if (value instanceof String text) {
      return text.codePoints().anyMatch(Character::isSupplementaryCodePoint);
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(DesiredUser::containsOutsideBasicPlane);
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(DesiredUser::containsOutsideBasicPlane);
    }
    return false;
  }

  private static void checkReference(SecretKeyReference reference, String field, List<String> problems) {
    if (reference == null) {
      return;
    }
    if (reference.getName() == null || reference.getName().isBlank()) {
      problems.add(field + ".name is required: name a Secret in the OktaUser's namespace");
    }
    if (reference.getKey() == null || reference.getKey().isBlank()) {
      problems.add(field + ".key is required: name the key within the Secret's data");
    }
  }

  /** The spec cannot be used as it is; the message lists each problem and its fix. */
  public static final class InvalidSpecException extends RuntimeException {

    public InvalidSpecException(List<String> problems) {
      super("Invalid spec: " + String.join("; ", problems) + ".");
    }
  }
}
