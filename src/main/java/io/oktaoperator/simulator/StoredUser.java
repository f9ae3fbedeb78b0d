package io.oktaoperator.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable state of one user inside {@link UserStore}. Not thread-safe: only the store touches it,
 * while holding its lock.
 */
final class StoredUser {

  final String id;
  final Instant created;

  UserStatus status;
  /** Status shown in {@code transitioningToStatus} while an asynchronous transition runs, else null. */
  UserStatus transitioningTo;
  /** Status the running transition ends in; differs from {@link #transitioningTo} only for expired passwords. */
  UserStatus transitionResult;
  Instant transitionDueAt;

  Instant activated;
  Instant statusChanged;
  Instant lastLogin;
  Instant lastUpdated;
  Instant passwordChanged;

  String typeId;
  final Map<String, Object> profile = new LinkedHashMap<>();

  boolean hasPassword;
  String password;
  String recoveryQuestion;
  String recoveryAnswer;
  String providerType = "OKTA";
  String providerName = "OKTA";

  /** Admin roles assigned through {@link OutOfBandChanges}, in assignment order. */
  final List<AdminRoleAssignment> adminRoles = new ArrayList<>();

  StoredUser(String id, Instant created, UserStatus status) {
    this.id = id;
    this.created = created;
    this.lastUpdated = created;
    this.status = status;
  }

  boolean isActivating() {
    return transitioningTo == UserStatus.ACTIVE || transitioningTo == UserStatus.PROVISIONED;
  }

  boolean isDeactivating() {
    return transitioningTo == UserStatus.DEPROVISIONED;
  }

  /** Returns whether activation makes the user ACTIVE directly instead of PROVISIONED. */
  boolean canActivateWithoutWelcomeFlow() {
    return hasPassword || "FEDERATION".equals(providerType) || "SOCIAL".equals(providerType);
  }

  /**
   * Starts a transition to {@code result}, shown as {@code shownAs} in {@code transitioningToStatus}.
   * With a zero delay the status changes at once.
   *
   * @return true if the transition is pending and must be resolved later
   */
  boolean beginTransition(UserStatus shownAs, UserStatus result, Instant now, Duration delay) {
    lastUpdated = now;
    if (delay.isZero()) {
      changeStatus(result, now);
      return false;
    }
    transitioningTo = shownAs;
    transitionResult = result;
    transitionDueAt = now.plus(delay);
    return true;
  }

  /** Completes the pending transition if it is due at {@code now}; the change is dated when it fell due. */
  void completeTransitionIfDue(Instant now) {
    if (transitioningTo != null && !now.isBefore(transitionDueAt)) {
      UserStatus result = transitionResult;
      Instant dueAt = transitionDueAt;
      cancelTransition();
      changeStatus(result, dueAt);
    }
  }

  void cancelTransition() {
    transitioningTo = null;
    transitionResult = null;
    transitionDueAt = null;
  }

  /**
   * Sets the status. {@code activated} records each activation that gives the user a usable
   * account: from STAGED, PROVISIONED or DEPROVISIONED to ACTIVE or PASSWORD_EXPIRED.
   */
  void changeStatus(UserStatus target, Instant at) {
    boolean activation =
        (target == UserStatus.ACTIVE || target == UserStatus.PASSWORD_EXPIRED)
            && (status == UserStatus.STAGED
                || status == UserStatus.PROVISIONED
                || status == UserStatus.DEPROVISIONED);
    if (activation) {
      activated = at;
    }
    if (target != status) {
      statusChanged = at;
    }
    status = target;
    lastUpdated = at;
  }

  void setPassword(PasswordInput input, Instant now) {
    hasPassword = true;
    password = input.value();
    passwordChanged = now;
    if (input.imported()) {
      providerType = "IMPORT";
      providerName = "IMPORT";
    }
  }

  SimulatedUser snapshot() {
    return new SimulatedUser(
        id,
        status.name(),
        transitioningTo == null ? null : transitioningTo.name(),
        created,
        activated,
        statusChanged,
        lastLogin,
        lastUpdated,
        passwordChanged,
        typeId,
        profile,
        hasPassword,
        recoveryQuestion,
        providerType,
        providerName);
  }
}
