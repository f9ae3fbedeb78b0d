package io.oktaoperator.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The effects of the lifecycle and credential operations on a user's credentials: checking the
 * current password or recovery answer, setting a new password or recovery question, and issuing
 * tokens and temporary passwords. Status changes are {@link LifecycleTable}'s job. Called by
 * {@link UserStore} under its lock.
 *
 * <p>NOTE: a password that was not set through the API (on a seeded user, imported as a hash, or
 * set by the end user through a hook) is unknown to the simulator, so any current password given
 * for it is accepted.
 */
final class CredentialOperations {

  private static final String WRONG_PASSWORD = "The credentials provided were incorrect.";

  private CredentialOperations() {}

  /**
   * Applies the credential part of an operation, after {@link LifecycleTable} allowed it.
   *
   * @return the activation token, reset token or temporary password issued, or null
   * @throws ApiErrorException for a wrong current password or recovery answer, or a new password
   *     that the password policy rejects
   */
  static String apply(
      StoredUser user, LifecycleOperation operation, UserStore.CredentialsChange change, RandomIds ids, Instant now) {
    switch (operation) {
      case ACTIVATE:
      case REACTIVATE:
      case RESET_PASSWORD:
      case FORGOT_PASSWORD:
        return ids.nextActivationToken();
      case EXPIRE_PASSWORD_WITH_TEMP_PASSWORD:
        String temporary = ids.nextTemporaryPassword();
        user.setPassword(new PasswordInput(temporary, false), now);
        return temporary;
      case CHANGE_PASSWORD:
        changePassword(user, change, now);
        return null;
      case CHANGE_RECOVERY_QUESTION:
        changeRecoveryQuestion(user, change, now);
        return null;
      case FORGOT_PASSWORD_RECOVERY_QUESTION:
        resetWithRecoveryAnswer(user, change, now);
        return null;
      default:
        return null;
    }
  }

  private static void changePassword(StoredUser user, UserStore.CredentialsChange change, Instant now) {
    if (!matchesPassword(user, change.password())) {
      throw ApiErrors.credentialsUpdateFailed(List.of("oldPassword: " + WRONG_PASSWORD)).toException();
    }
    try {
      ProfileValidator.validatePassword(change.newPassword(), user.profile.get("login"));
    } catch (ApiErrorException e) {
      // change_password reports policy violations as E0000014, not as the 400 E0000001 of create.
      throw ApiErrors.credentialsUpdateFailed(e.error().errorCauses()).toException();
    }
    if (change.strict() && change.newPassword().equals(user.password)) {
      throw ApiErrors.credentialsUpdateFailed(List.of("password: Password has been used too recently"))
          .toException();
    }
    user.setPassword(new PasswordInput(change.newPassword(), false), now);
    user.lastUpdated = now;
  }

  // NOTE: Okta documents no error for a wrong password on change_recovery_question; this assumes
  // the E0000014 of change_password.
  private static void changeRecoveryQuestion(StoredUser user, UserStore.CredentialsChange change, Instant now) {
    if (!matchesPassword(user, change.password())) {
      throw ApiErrors.credentialsUpdateFailed(List.of("password: " + WRONG_PASSWORD)).toException();
    }
    user.recoveryQuestion = change.recoveryQuestion().question();
    user.recoveryAnswer = change.recoveryQuestion().answer();
    user.lastUpdated = now;
  }

  // NOTE: Okta documents no error for a wrong recovery answer; this assumes 400 E0000001 with a
  // cause naming the answer.
  private static void resetWithRecoveryAnswer(StoredUser user, UserStore.CredentialsChange change, Instant now) {
    String expected = user.recoveryAnswer;
    boolean answerMatches =
        expected == null
            || expected.trim().toLowerCase(Locale.ROOT).equals(change.recoveryAnswer().trim().toLowerCase(Locale.ROOT));
    if (!answerMatches) {
      throw ApiErrors.validationFailed(
              "recovery_question", List.of("recovery_question.answer: The recovery question answer did not match"))
          .toException();
    }
    ProfileValidator.validatePassword(change.newPassword(), user.profile.get("login"));
    user.setPassword(new PasswordInput(change.newPassword(), false), now);
    user.lastUpdated = now;
  }

  private static boolean matchesPassword(StoredUser user, String presented) {
    return user.password == null || user.password.equals(presented);
  }
}
