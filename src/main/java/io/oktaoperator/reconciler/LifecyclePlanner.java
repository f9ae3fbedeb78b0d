package io.oktaoperator.reconciler;

import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.okta.OktaStatus;

/**
 * Decides the next lifecycle step from Okta's status to the desired state. Pure: the full table is
 * unit-tested, and every cell follows Okta's lifecycle rules (suspend only from ACTIVE, unsuspend only
 * from SUSPENDED, activate only from STAGED or DEPROVISIONED, no way back to STAGED).
 */
public final class LifecyclePlanner {

  static final String REASON_NOT_ALLOWED = "TransitionNotAllowed";

  private LifecyclePlanner() {}

  /**
   * Plans the next step.
   *
   * @param current Okta's {@code status}
   * @param transitioningTo Okta's {@code transitioningToStatus}, or null when no transition runs
   * @param desired the resource's {@code spec.state}
   */
  public static LifecyclePlan plan(OktaStatus current, OktaStatus transitioningTo, UserState desired) {
    if (transitioningTo != null) {
      return new LifecyclePlan.AwaitTransition(transitioningTo);
    }
    return switch (desired) {
      case STAGED -> planStaged(current);
      case ACTIVE -> planActive(current);
      case SUSPENDED -> planSuspended(current);
      case DEPROVISIONED -> planDeprovisioned(current);
    };
  }

  private static LifecyclePlan planStaged(OktaStatus current) {
    if (current == OktaStatus.STAGED) {
      return new LifecyclePlan.InSync(null);
    }
    return new LifecyclePlan.NotAllowed(
        REASON_NOT_ALLOWED,
        "Okta cannot return a user to STAGED once it has been activated (Okta status is "
            + current
            + "). Set spec.state to Active, Suspended or Deprovisioned.");
  }

  private static LifecyclePlan planActive(OktaStatus current) {
    return switch (current) {
      case STAGED, DEPROVISIONED -> new LifecyclePlan.Transition(LifecycleStep.ACTIVATE);
      case SUSPENDED -> new LifecyclePlan.Transition(LifecycleStep.UNSUSPEND);
      case ACTIVE -> new LifecyclePlan.InSync(null);
      case PROVISIONED ->
          new LifecyclePlan.InSync(
              "The user is activated but has not completed activation yet (Okta status PROVISIONED).");
      // These statuses belong to an activated user and change only through the user or an explicit
      // admin action; unlocking automatically would defeat the lockout policy.
      case RECOVERY, LOCKED_OUT, PASSWORD_EXPIRED ->
          new LifecyclePlan.InSync("The user is activated; Okta status " + current + " awaits the user.");
    };
  }

  private static LifecyclePlan planSuspended(OktaStatus current) {
    return switch (current) {
      case SUSPENDED -> new LifecyclePlan.InSync(null);
      case ACTIVE -> new LifecyclePlan.Transition(LifecycleStep.SUSPEND);
      // Okta suspends only ACTIVE users, so a user that was never activated is activated first.
      case STAGED, DEPROVISIONED -> new LifecyclePlan.Transition(LifecycleStep.ACTIVATE);
      case PROVISIONED ->
          new LifecyclePlan.NotAllowed(
              REASON_NOT_ALLOWED,
              "Okta suspends only ACTIVE users, and this user has not completed activation (Okta status"
                  + " PROVISIONED). Give the user a password with spec.credentials.passwordSecretRef, or"
                  + " set spec.state to Deprovisioned to block sign-in.");
      case RECOVERY, LOCKED_OUT, PASSWORD_EXPIRED ->
          new LifecyclePlan.NotAllowed(
              REASON_NOT_ALLOWED,
              "Okta suspends only ACTIVE users, and this user is "
                  + current
                  + ". Once the user is ACTIVE again the operator suspends it; set spec.state to"
                  + " Deprovisioned to block sign-in now.");
    };
  }

  private static LifecyclePlan planDeprovisioned(OktaStatus current) {
    if (current == OktaStatus.DEPROVISIONED) {
      return new LifecyclePlan.InSync(null);
    }
    return new LifecyclePlan.Transition(LifecycleStep.DEACTIVATE);
  }
}
