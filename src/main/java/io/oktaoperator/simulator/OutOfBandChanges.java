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
    return store.changeStatusOutOfBand(id, UserStatus.PROVISIONED, UserStatus.ACTIVE);
  }

  /**
   * Locks out an ACTIVE user, as too many failed sign-ins would.
   *
   * @throws IllegalStateException if the user is not ACTIVE
   */
  public SimulatedUser lockOut(String id) {
    return store.changeStatusOutOfBand(id, UserStatus.ACTIVE, UserStatus.LOCKED_OUT);
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
