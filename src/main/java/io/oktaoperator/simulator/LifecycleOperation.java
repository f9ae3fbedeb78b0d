package io.oktaoperator.simulator;

import java.util.Optional;

/**
 * The admin operations on one user that {@link LifecycleTable} governs: those under
 * {@code POST /api/v1/users/{id}/lifecycle/{operation}} and under
 * {@code POST /api/v1/users/{id}/credentials/{operation}}.
 */
enum LifecycleOperation {
  ACTIVATE("lifecycle", "activate"),
  REACTIVATE("lifecycle", "reactivate"),
  DEACTIVATE("lifecycle", "deactivate"),
  SUSPEND("lifecycle", "suspend"),
  UNSUSPEND("lifecycle", "unsuspend"),
  UNLOCK("lifecycle", "unlock"),
  EXPIRE_PASSWORD("lifecycle", "expire_password"),
  EXPIRE_PASSWORD_WITH_TEMP_PASSWORD("lifecycle", "expire_password_with_temp_password"),
  RESET_PASSWORD("lifecycle", "reset_password"),
  RESET_FACTORS("lifecycle", "reset_factors"),
  FORGOT_PASSWORD("credentials", "forgot_password"),
  FORGOT_PASSWORD_RECOVERY_QUESTION("credentials", "forgot_password_recovery_question"),
  CHANGE_PASSWORD("credentials", "change_password"),
  CHANGE_RECOVERY_QUESTION("credentials", "change_recovery_question");

  private final String group;
  private final String pathSegment;

  LifecycleOperation(String group, String pathSegment) {
    this.group = group;
    this.pathSegment = pathSegment;
  }

  /** Returns the last path segment of the operation's URL, such as {@code activate}. */
  String pathSegment() {
    return pathSegment;
  }

  /**
   * Finds an operation by the two path segments after the user id.
   *
   * @param group {@code lifecycle} or {@code credentials}
   */
  static Optional<LifecycleOperation> fromPath(String group, String segment) {
    for (LifecycleOperation operation : values()) {
      if (operation.group.equals(group) && operation.pathSegment.equals(segment)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }
}
