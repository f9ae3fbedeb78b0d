package io.oktaoperator.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Changes made outside the operator, as another admin, the end user or an Okta policy would make
 * them in a real org. Each change takes effect at once, even when the simulator has an asynchronous
 * transition delay, and cancels any transition the user had pending. Each method accepts a user id
 * or login and throws {@link NoSuchElementException} when no such user exists.
 */
public final class OutOfBandChanges {

  private final UserStore store;

  OutOfBandChanges(UserStore store) {
    this.store = store;
  }

  /**
   * Suspends an ACTIVE user.
   *
   * @throws IllegalStateException if the user is not ACTIVE
   */
  public SimulatedUser suspend(String id) {
    return store.applyOutOfBand(id, LifecycleOperation.SUSPEND);
  }

  /**
   * Unsuspends a SUSPENDED user, making it ACTIVE.
   *
   * @throws IllegalStateException if the user is not SUSPENDED
   */
  public SimulatedUser unsuspend(String id) {
    return store.applyOutOfBand(id, LifecycleOperation.UNSUSPEND);
  }

  /**
   * Deactivates a user, making it DEPROVISIONED.
   *
   * @throws IllegalStateException if the user is already DEPROVISIONED
   */
  public SimulatedUser deactivate(String id) {
    return store.applyOutOfBand(id, LifecycleOperation.DEACTIVATE);
  }

  /** Removes a user permanently, whatever its status; afterwards the API returns 404 for it. */
  public void delete(String id) {
    store.removeOutOfBand(id);
  }

  /**
   * Sets a profile attribute, or removes it when {@code value} is null, without schema validation.
   *
   * @throws IllegalArgumentException if {@code name} is {@code login} and another user has that login
   */
  public SimulatedUser setProfileAttribute(String id, String name, Object value) {
    return store.setProfileAttributeOutOfBand(id, name, value);
  }

  /**
   * Completes the welcome flow of a PROVISIONED user: the user sets a password and becomes ACTIVE.
   *
   * @throws IllegalStateException if the user is not PROVISIONED
   */
  public SimulatedUser completeActivation(String id) {
    return store.changeStatusOutOfBand(id, UserStatus.PROVISIONED, UserStatus.ACTIVE, true);
  }

  /**
   * Locks out an ACTIVE user, as too many failed sign-ins would.
   *
   * @throws IllegalStateException if the user is not ACTIVE
   */
  public SimulatedUser lockOut(String id) {
    return store.changeStatusOutOfBand(id, UserStatus.ACTIVE, UserStatus.LOCKED_OUT, false);
  }

  /**
   * Unlocks a LOCKED_OUT user when the lockout period of the password policy ends, making it ACTIVE.
   *
   * @throws IllegalStateException if the user is not LOCKED_OUT
   */
  public SimulatedUser autoUnlock(String id) {
    return store.changeStatusOutOfBand(id, UserStatus.LOCKED_OUT, UserStatus.ACTIVE, false);
  }

  /**
   * Completes a password reset: the user of a RECOVERY account sets a new password and becomes ACTIVE.
   *
   * @throws IllegalStateException if the user is not in RECOVERY
   */
  public SimulatedUser completePasswordReset(String id) {
    return store.changeStatusOutOfBand(id, UserStatus.RECOVERY, UserStatus.ACTIVE, true);
  }

  /**
   * Expires the password of an ACTIVE user, as the password age policy does at the user's next
   * sign-in, making it PASSWORD_EXPIRED.
   *
   * @throws IllegalStateException if the user is not ACTIVE
   */
  public SimulatedUser expirePassword(String id) {
    return store.changeStatusOutOfBand(id, UserStatus.ACTIVE, UserStatus.PASSWORD_EXPIRED, false);
  }

  /**
   * Changes an expired password at sign-in: the PASSWORD_EXPIRED user sets a new password and
   * becomes ACTIVE.
   *
   * @throws IllegalStateException if the user is not PASSWORD_EXPIRED
   */
  public SimulatedUser changeExpiredPassword(String id) {
    return store.changeStatusOutOfBand(id, UserStatus.PASSWORD_EXPIRED, UserStatus.ACTIVE, true);
  }

  /**
   * Assigns a standard admin role to a user, as another admin would in the Admin Console.
   *
   * @param roleType Okta role type such as {@code SUPER_ADMIN} or {@code USER_ADMIN}, in any case
   * @throws IllegalArgumentException if the role type is unknown
   * @throws IllegalStateException if the user already has the role
   */
  public AdminRoleAssignment assignAdminRole(String id, String roleType) {
    return store.assignAdminRoleOutOfBand(id, roleType);
  }

  /**
   * Removes an admin role from a user.
   *
   * @param assignmentIdOrType the role assignment id ({@code ra1...}) or the role type
   * @throws NoSuchElementException if the user has no such role assignment
   */
  public void removeAdminRole(String id, String assignmentIdOrType) {
    store.removeAdminRoleOutOfBand(id, assignmentIdOrType);
  }

  /**
   * Stores a user directly in the given status, without validating the profile. Users seeded as
   * STAGED or PROVISIONED have no password; all others have one.
   *
   * @param status an Okta status such as {@code ACTIVE}, in any case
   * @throws IllegalArgumentException if the status is unknown, or the login is missing or taken
   */
  public SimulatedUser createUser(Map<String, Object> profile, String status) {
    UserStatus userStatus;
    try {
      userStatus = UserStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown Okta user status: " + status, e);
    }
    return store.seed(profile, userStatus);
  }
}
