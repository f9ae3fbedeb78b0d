package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.LifecycleOperation.ACTIVATE;
import static io.oktaoperator.simulator.LifecycleOperation.CHANGE_PASSWORD;
import static io.oktaoperator.simulator.LifecycleOperation.CHANGE_RECOVERY_QUESTION;
import static io.oktaoperator.simulator.LifecycleOperation.DEACTIVATE;
import static io.oktaoperator.simulator.LifecycleOperation.EXPIRE_PASSWORD;
import static io.oktaoperator.simulator.LifecycleOperation.EXPIRE_PASSWORD_WITH_TEMP_PASSWORD;
import static io.oktaoperator.simulator.LifecycleOperation.FORGOT_PASSWORD;
import static io.oktaoperator.simulator.LifecycleOperation.FORGOT_PASSWORD_RECOVERY_QUESTION;
import static io.oktaoperator.simulator.LifecycleOperation.REACTIVATE;
import static io.oktaoperator.simulator.LifecycleOperation.RESET_FACTORS;
import static io.oktaoperator.simulator.LifecycleOperation.RESET_PASSWORD;
import static io.oktaoperator.simulator.LifecycleOperation.SUSPEND;
import static io.oktaoperator.simulator.LifecycleOperation.UNLOCK;
import static io.oktaoperator.simulator.LifecycleOperation.UNSUSPEND;
import static io.oktaoperator.simulator.UserStatus.ACTIVE;
import static io.oktaoperator.simulator.UserStatus.DEPROVISIONED;
import static io.oktaoperator.simulator.UserStatus.LOCKED_OUT;
import static io.oktaoperator.simulator.UserStatus.PASSWORD_EXPIRED;
import static io.oktaoperator.simulator.UserStatus.PROVISIONED;
import static io.oktaoperator.simulator.UserStatus.RECOVERY;
import static io.oktaoperator.simulator.UserStatus.STAGED;
import static io.oktaoperator.simulator.UserStatus.SUSPENDED;

import java.util.EnumMap;
import java.util.Map;

/**
 * Okta's status state machine for the admin lifecycle and credential operations. For each current
 * status and operation it gives the resulting status or the error Okta returns. It also names the
 * credentials (a password, a recovery question) an operation needs. Sources: the operation descriptions
 * in Okta's OpenAPI spec (release 2026.06.3), Okta's error-code catalogue, the reactivate error
 * example of the retired Users API reference, and the suspend and unsuspend error texts seen in
 * Okta's SDK tests. Cells that these sources leave open carry a NOTE.
 *
 * <p>The table is built column by column: each operation has a rule for every status it rejects,
 * and the statuses it allows are listed under it.
 */
final class LifecycleTable {

  /** Effect of an operation on a user in a given status. */
  sealed interface Rule permits Activate, MoveTo, Keep, Reject {}

  /**
   * Asynchronous activation: ACTIVE when the user has a password or a FEDERATION/SOCIAL provider,
   * otherwise PROVISIONED until the user completes the welcome flow.
   */
  record Activate() implements Rule {}

  /** A change to {@code target}, which may equal the current status; asynchronous when stated. */
  record MoveTo(UserStatus target, boolean asynchronous) implements Rule {}

  /** The operation runs and the status stays as it is. */
  record Keep() implements Rule {}

  /** The operation is not allowed in this status. */
  record Reject(ApiError error) implements Rule {}

  /** Credentials a user needs, apart from a status that allows it, for an operation to run. */
  enum Requirement {
    NONE,
    /** A password credential, possibly unknown to the simulator. */
    PASSWORD,
    /** A password credential and a recovery question. */
    PASSWORD_AND_RECOVERY_QUESTION
  }

  private static final Map<LifecycleOperation, Map<UserStatus, Rule>> RULES = new EnumMap<>(LifecycleOperation.class);
  private static final Map<LifecycleOperation, Requirement> REQUIREMENTS = new EnumMap<>(LifecycleOperation.class);
  private static final Map<LifecycleOperation, ApiError> REJECTIONS = new EnumMap<>(LifecycleOperation.class);

  static {
    buildRules();
  }

  private LifecycleTable() {}

  static Rule ruleFor(UserStatus status, LifecycleOperation operation) {
    return RULES.get(operation).get(status);
  }

  static Requirement requirementFor(LifecycleOperation operation) {
    return REQUIREMENTS.get(operation);
  }

  /** Returns the error of an operation for a user that lacks what {@link #requirementFor} names. */
  static ApiError rejectionFor(LifecycleOperation operation) {
    return REJECTIONS.get(operation);
  }

  private static void buildRules() {
    Rule deactivate = new MoveTo(DEPROVISIONED, true);
    Rule keep = new Keep();

    // NOTE: activating a PROVISIONED, RECOVERY, LOCKED_OUT, PASSWORD_EXPIRED or SUSPENDED user is
    // undocumented; this assumes E0000016 "already active", as these users were activated before.
    // Okta does not say either whether activating a DEPROVISIONED user who kept a password makes it
    // ACTIVE. This assumes PROVISIONED, so the user goes through the welcome flow again.
    column(ACTIVATE, ApiErrors.userAlreadyActive(), Requirement.NONE)
        .allow(STAGED, new Activate())
        .allow(DEPROVISIONED, new MoveTo(PROVISIONED, true));
    // NOTE: the status after reactivating a RECOVERY user is undocumented; reactivation restarts
    // the activation flow, so this assumes PROVISIONED.
    column(REACTIVATE, ApiErrors.operationNotAllowedInStatus(), Requirement.NONE)
        .allow(PROVISIONED, new MoveTo(PROVISIONED, false))
        .allow(RECOVERY, new MoveTo(PROVISIONED, false));
    // NOTE: the error for deactivating a DEPROVISIONED user is undocumented; this assumes E0000038.
    column(DEACTIVATE, ApiErrors.operationNotAllowedInStatus(), Requirement.NONE)
        .allow(STAGED, deactivate)
        .allow(PROVISIONED, deactivate)
        .allow(ACTIVE, deactivate)
        .allow(RECOVERY, deactivate)
        .allow(LOCKED_OUT, deactivate)
        .allow(PASSWORD_EXPIRED, deactivate)
        .allow(SUSPENDED, deactivate);
    column(SUSPEND, ApiErrors.cannotSuspend(), Requirement.NONE).allow(ACTIVE, new MoveTo(SUSPENDED, false));
    column(UNSUSPEND, ApiErrors.cannotUnsuspend(), Requirement.NONE).allow(SUSPENDED, new MoveTo(ACTIVE, false));
    // The simulator has no device blocks, so unlocking an ACTIVE user (allowed by the spec for
    // users blocked from unknown devices) succeeds and changes nothing.
    // NOTE: Okta documents no error for unlocking a user that is neither LOCKED_OUT nor ACTIVE.
    // This assumes the catalogue's E0000032 "Unlock is not allowed for this user.".
    column(UNLOCK, ApiErrors.unlockNotAllowed(), Requirement.NONE)
        .allow(ACTIVE, keep)
        .allow(LOCKED_OUT, new MoveTo(ACTIVE, false));

    // NOTE: Okta documents expire_password for users with a password, typically ACTIVE. Expiring
    // again a PASSWORD_EXPIRED password, or the password of a LOCKED_OUT user (whose links offer
    // expirePassword), is assumed to give PASSWORD_EXPIRED; every other status is assumed to get
    // E0000038.
    for (LifecycleOperation expire : new LifecycleOperation[] {EXPIRE_PASSWORD, EXPIRE_PASSWORD_WITH_TEMP_PASSWORD}) {
      column(expire, ApiErrors.operationNotAllowedInStatus(), Requirement.PASSWORD)
          .allow(ACTIVE, new MoveTo(PASSWORD_EXPIRED, false))
          .allow(LOCKED_OUT, new MoveTo(PASSWORD_EXPIRED, false))
          .allow(PASSWORD_EXPIRED, new MoveTo(PASSWORD_EXPIRED, false));
    }
    // NOTE: the statuses that allow reset_password are not enumerated by Okta. This allows those
    // whose links offer resetPassword, PROVISIONED included, and assumes the catalogue's E0000017
    // "Password reset failed" for STAGED, SUSPENDED and DEPROVISIONED users.
    column(RESET_PASSWORD, ApiErrors.passwordResetFailed(), Requirement.NONE)
        .allow(PROVISIONED, new MoveTo(RECOVERY, false))
        .allow(ACTIVE, new MoveTo(RECOVERY, false))
        .allow(RECOVERY, new MoveTo(RECOVERY, false))
        .allow(LOCKED_OUT, new MoveTo(RECOVERY, false))
        .allow(PASSWORD_EXPIRED, new MoveTo(RECOVERY, false));
    // NOTE: Okta documents reset_factors only for users with enrolled factors. This allows every
    // user who has been activated and is not DEPROVISIONED, and assumes E0000038 for the others.
    column(RESET_FACTORS, ApiErrors.operationNotAllowedInStatus(), Requirement.NONE)
        .allow(ACTIVE, keep)
        .allow(RECOVERY, keep)
        .allow(LOCKED_OUT, keep)
        .allow(PASSWORD_EXPIRED, keep)
        .allow(SUSPENDED, keep);
    column(FORGOT_PASSWORD, ApiErrors.forgotPasswordNotAllowed(), Requirement.PASSWORD_AND_RECOVERY_QUESTION)
        .allow(ACTIVE, keep);
    column(
            FORGOT_PASSWORD_RECOVERY_QUESTION,
            ApiErrors.forgotPasswordNotAllowed(),
            Requirement.PASSWORD_AND_RECOVERY_QUESTION)
        .allow(ACTIVE, keep);
    // A PASSWORD_EXPIRED user who changes the password is ACTIVE again, as after a change at sign-in.
    column(CHANGE_PASSWORD, ApiErrors.changePasswordNotAllowed(), Requirement.PASSWORD)
        .allow(STAGED, keep)
        .allow(ACTIVE, keep)
        .allow(RECOVERY, new MoveTo(ACTIVE, false))
        .allow(PASSWORD_EXPIRED, new MoveTo(ACTIVE, false));
    column(CHANGE_RECOVERY_QUESTION, ApiErrors.changeRecoveryQuestionNotAllowed(), Requirement.PASSWORD)
        .allow(STAGED, keep)
        .allow(ACTIVE, keep)
        .allow(RECOVERY, keep);
  }

  /** Starts the column of an operation: every status gets {@code rejection} until allowed. */
  private static Column column(LifecycleOperation operation, ApiError rejection, Requirement requirement) {
    Map<UserStatus, Rule> cells = new EnumMap<>(UserStatus.class);
    for (UserStatus status : UserStatus.values()) {
      cells.put(status, new Reject(rejection));
    }
    RULES.put(operation, cells);
    REQUIREMENTS.put(operation, requirement);
    REJECTIONS.put(operation, rejection);
    return new Column(cells);
  }

  private record Column(Map<UserStatus, Rule> cells) {

    Column allow(UserStatus status, Rule rule) {
      cells.put(status, rule);
      return this;
    }
  }
}
