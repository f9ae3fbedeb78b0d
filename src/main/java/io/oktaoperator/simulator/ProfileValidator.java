package io.oktaoperator.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validation of profiles and passwords against Okta's default user schema and default password
 * policy. Each failure becomes one {@code errorCauses} entry of a 400 E0000001 response.
 *
 * <p>NOTE: Okta's texts are known for a blank required attribute ("The field cannot be left
 * blank") and for the password rules. The texts for lengths, formats and 4-byte characters are
 * assumptions, and custom attributes are accepted without a schema.
 */
final class ProfileValidator {

  /** Attributes that Okta's default user schema requires. */
  private static final List<String> REQUIRED = List.of("login", "firstName", "lastName", "email");

  /** Minimum and maximum lengths of standard string attributes, in the order of Okta's schema. */
  private static final Map<String, int[]> LENGTHS = lengths();

  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

  private static final Pattern USERNAME_DELIMITERS = Pattern.compile("[.,\\-_#]");

  private static final String PASSWORD_RULE = "password: Password requirements: at least 0 characters, ";

  private ProfileValidator() {}

  /**
   * Checks a complete profile: required attributes, lengths, e-mail formats and characters outside
   * the Basic Multilingual Plane.
   *
   * @throws ApiErrorException 400 E0000001 with one cause per invalid attribute
   */
  static void validateProfile(Map<String, Object> profile) {
    List<String> causes = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    for (String name : REQUIRED) {
      Object value = profile.get(name);
      if (value == null || value.toString().isBlank()) {
        addCause(causes, fields, name, "The field cannot be left blank");
      }
    }
    for (Map.Entry<String, int[]> entry : LENGTHS.entrySet()) {
      String name = entry.getKey();
      if (fields.contains(name) || !(profile.get(name) instanceof String value)) {
        continue;
      }
      int length = value.codePointCount(0, value.length());
      int min = entry.getValue()[0];
      int max = entry.getValue()[1];
      if (length < min || length > max) {
        addCause(causes, fields, name, "size must be between " + min + " and " + max);
      }
    }
    checkEmailFormat(profile, "login", "Username must be in the form of an email address", causes, fields);
    checkEmailFormat(profile, "email", "Does not match required pattern", causes, fields);
    checkEmailFormat(profile, "secondEmail", "Does not match required pattern", causes, fields);
    profile.forEach(
        (name, value) -> {
          if (!fields.contains(name) && containsSupplementaryCharacter(value)) {
            addCause(causes, fields, name, "Characters outside the Basic Multilingual Plane are not allowed");
          }
        });
    if (!causes.isEmpty()) {
      throw ApiErrors.validationFailed(fields.get(0), causes).toException();
    }
  }

  /**
   * Checks a new password against Okta's default password policy: at least 8 characters, a
   * lowercase letter, an uppercase letter, a number, and no part of the username. A part is a piece
   * of 4 or more characters of the login before {@code @}, split at {@code . , - _ #}. Each violated
   * rule gives one cause, worded as in the example of Okta's 2018.09 release notes.
   *
   * @throws ApiErrorException 400 E0000001 with one cause per violated rule
   */
  static void validatePassword(String password, Object login) {
    List<String> causes = new ArrayList<>();
    if (password.length() < 8) {
      causes.add("password: Passwords must be at least 8 characters in length");
    }
    if (password.chars().noneMatch(Character::isLowerCase)) {
      causes.add(PASSWORD_RULE + "a lowercase letter.");
    }
    if (password.chars().noneMatch(Character::isUpperCase)) {
      causes.add(PASSWORD_RULE + "an uppercase letter.");
    }
    if (password.chars().noneMatch(Character::isDigit)) {
      causes.add(PASSWORD_RULE + "a number.");
    }
    if (containsUsername(password, login)) {
      causes.add(PASSWORD_RULE + "no parts of your username.");
    }
    if (!causes.isEmpty()) {
      throw ApiErrors.validationFailed("password", causes).toException();
    }
  }

  private static boolean containsUsername(String password, Object login) {
    if (login == null) {
      return false;
    }
    String loginText = login.toString().toLowerCase(Locale.ROOT);
    int at = loginText.indexOf('@');
    String username = at < 0 ? loginText : loginText.substring(0, at);
    String lowerCasePassword = password.toLowerCase(Locale.ROOT);
    for (String part : USERNAME_DELIMITERS.split(username)) {
      if (part.length() >= 4 && lowerCasePassword.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static void checkEmailFormat(
      Map<String, Object> profile, String name, String message, List<String> causes, List<String> fields) {
    if (!fields.contains(name)
        && profile.get(name) instanceof String value
        && !value.isEmpty()
        && !EMAIL.matcher(value).matches()) {
      addCause(causes, fields, name, message);
    }
  }

  private static boolean containsSupplementaryCharacter(Object value) {
    if (value instanceof String text) {
      return text.codePoints().anyMatch(Character::isSupplementaryCodePoint);
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(ProfileValidator::containsSupplementaryCharacter);
    }
    return false;
  }

  private static void addCause(List<String> causes, List<String> fields, String name, String message) {
    causes.add(name + ": " + message);
    fields.add(name);
  }

  private static Map<String, int[]> lengths() {
    Map<String, int[]> lengths = new LinkedHashMap<>();
    lengths.put("login", new int[] {5, 100});
    lengths.put("firstName", new int[] {1, 50});
    lengths.put("lastName", new int[] {1, 50});
    lengths.put("email", new int[] {5, 100});
    lengths.put("secondEmail", new int[] {0, 100});
    lengths.put("mobilePhone", new int[] {0, 100});
    lengths.put("primaryPhone", new int[] {0, 100});
    lengths.put("streetAddress", new int[] {0, 1024});
    lengths.put("city", new int[] {0, 128});
    lengths.put("state", new int[] {0, 128});
    lengths.put("zipCode", new int[] {0, 50});
    lengths.put("countryCode", new int[] {0, 2});
    lengths.put("postalAddress", new int[] {0, 4096});
    return lengths;
  }
}
