package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.LifecycleOperation.ACTIVATE;
import static io.oktaoperator.simulator.LifecycleOperation.DEACTIVATE;
import static io.oktaoperator.simulator.LifecycleOperation.REACTIVATE;
import static io.oktaoperator.simulator.LifecycleOperation.SUSPEND;
import static io.oktaoperator.simulator.LifecycleOperation.UNLOCK;
import static io.oktaoperator.simulator.LifecycleOperation.UNSUSPEND;

import java.util.EnumMap;
import java.util.Map;

/**
 * Okta's status state machine for the admin lifecycle operations: for each current status and
 * operation, the resulting status or the error Okta returns. Sources: the operation descriptions in
 * Okta's OpenAPI spec (release 2026.06.3), Okta's error-code catalogue, the reactivate error example
 * of the retired Users API reference, and the suspend and unsuspend error texts seen in Okta's SDK
 * tests. Cells that these sources leave open carry a NOTE.
 */
final class LifecycleTable {

  /** Effect of an operation on a user in a given status. */
  sealed interface Rule permits Activate, MoveTo, Reject {}

  /**
   * Asynchronous activation: ACTIVE when the user has a password or a FEDERATION/SOCIAL provider,
   * otherwise PROVISIONED until the user completes the welcome flow.
   */
  record Activate() implements Rule {}

  /** A change to {@code target}, which may equal the current status; asynchronous when stated. */
  record MoveTo(UserStatus target, boolean asynchronous) implements Rule {}

  /** The operation is not allowed in this status. */
  record Reject(ApiError error) implements Rule {}

  private static final Map<UserStatus, Map<LifecycleOperation, Rule>> RULES = buildRules();

  private LifecycleTable() {}

  static Rule ruleFor(UserStatus status, LifecycleOperation operation) {
    return RULES.get(status).get(operation);
  }

  private static Map<UserStatus, Map<LifecycleOperation, Rule>> buildRules() {
    Rule activate = new Activate();
    Rule deactivate = new MoveTo(UserStatus.DEPROVISIONED, true);
    Rule alreadyActive = new Reject(ApiErrors.userAlreadyActive());
    Rule notAllowedInStatus = new Reject(ApiErrors.operationNotAllowedInStatus());
    Rule cannotSuspend = new Reject(ApiErrors.cannotSuspend());
    Rule cannotUnsuspend = new Reject(ApiErrors.cannotUnsuspend());
    // NOTE: Okta documents no error for unlocking a user that is neither LOCKED_OUT nor ACTIVE.
    // This assumes the catalogue's E0000032 "Unlock is not allowed for this user.".
    Rule unlockNotAllowed = new Reject(ApiErrors.unlockNotAllowed());

    Map<UserStatus, Map<LifecycleOperation, Rule>> rules = new EnumMap<>(UserStatus.class);
    rules.put(
        UserStatus.STAGED,
        row(activate, notAllowedInStatus, deactivate, cannotSuspend, cannotUnsuspend, unlockNotAllowed));
    // NOTE: activating a PROVISIONED, RECOVERY, LOCKED_OUT, PASSWORD_EXPIRED or SUSPENDED user is
    // undocumented; this assumes E0000016 "already active", as these users were activated before.
    rules.put(
        UserStatus.PROVISIONED,
        row(
            alreadyActive,
            new MoveTo(UserStatus.PROVISIONED, false),
            deactivate,
            cannotSuspend,
            cannotUnsuspend,
            unlockNotAllowed));
    // The simulator has no device blocks, so unlocking an ACTIVE user (allowed by the spec for
    // users blocked from unknown devices) succeeds and changes nothing.
    rules.put(
        UserStatus.ACTIVE,
        row(
            alreadyActive,
            notAllowedInStatus,
            deactivate,
            new MoveTo(UserStatus.SUSPENDED, false),
            cannotUnsuspend,
            new MoveTo(UserStatus.ACTIVE, false)));
    // NOTE: the status after reactivating a RECOVERY user is undocumented; reactivation restarts
    // the activation flow, so this assumes PROVISIONED.
    rules.put(
        UserStatus.RECOVERY,
        row(
            alreadyActive,
            new MoveTo(UserStatus.PROVISIONED, false),
            deactivate,
            cannotSuspend,
            cannotUnsuspend,
            unlockNotAllowed));
    rules.put(
        UserStatus.LOCKED_OUT,
        row(
            alreadyActive,
            notAllowedInStatus,
            deactivate,
            cannotSuspend,
            cannotUnsuspend,
            new MoveTo(UserStatus.ACTIVE, false)));
    rules.put(
        UserStatus.PASSWORD_EXPIRED,
        row(alreadyActive, notAllowedInStatus, deactivate, cannotSuspend, cannotUnsuspend, unlockNotAllowed));
    rules.put(
        UserStatus.SUSPENDED,
        row(
            alreadyActive,
            notAllowedInStatus,
            deactivate,
            cannotSuspend,
            new MoveTo(UserStatus.ACTIVE, false),
            unlockNotAllowed));
    // NOTE: the spec does not say whether activating a DEPROVISIONED user who kept a password makes
    // it ACTIVE. This assumes PROVISIONED, so the user goes through the welcome flow again. The
    // error for deactivating a DEPROVISIONED user is undocumented too, and this assumes E0000038.
    rules.put(
        UserStatus.DEPROVISIONED,
        row(
            new MoveTo(UserStatus.PROVISIONED, true),
            notAllowedInStatus,
            notAllowedInStatus,
            cannotSuspend,
            cannotUnsuspend,
            unlockNotAllowed));
    return rules;
  }

  private static Map<LifecycleOperation, Rule> row(
      Rule activate, Rule reactivate, Rule deactivate, Rule suspend, Rule unsuspend, Rule unlock) {
    Map<LifecycleOperation, Rule> row = new EnumMap<>(LifecycleOperation.class);
    row.put(ACTIVATE, activate);
    row.put(REACTIVATE, reactivate);
    row.put(DEACTIVATE, deactivate);
    row.put(SUSPEND, suspend);
    row.put(UNSUSPEND, unsuspend);
    row.put(UNLOCK, unlock);
    return row;
  }
}
