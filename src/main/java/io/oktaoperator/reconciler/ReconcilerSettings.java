package io.oktaoperator.reconciler;

import java.time.Duration;

/**
 * Timing and safety settings of the reconciler.
 *
 * @param resyncInterval how often a converged resource is compared with Okta again, to correct drift
 * @param transitionPollInterval how often Okta is read while an asynchronous transition runs
 * @param credentialsRetryInterval how long to wait before retrying after Okta rejected the API token
 *     or its permissions, which a person fixes outside the resource
 * @param adoptionAllowed whether a resource with {@code spec.adopt: true} may take over an existing
 *     Okta user; false forbids adoption operator-wide
 * @param adminUsersAllowed whether the operator may adopt, change or delete Okta users who hold
 *     admin roles
 */
public record ReconcilerSettings(
    Duration resyncInterval,
    Duration transitionPollInterval,
    Duration credentialsRetryInterval,
    boolean adoptionAllowed,
    boolean adminUsersAllowed) {

  public ReconcilerSettings(Duration resyncInterval, Duration transitionPollInterval, Duration credentialsRetryInterval) {
    this(resyncInterval, transitionPollInterval, credentialsRetryInterval, true, false);
  }

  public static ReconcilerSettings defaults() {
    return new ReconcilerSettings(Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(5));
  }

  public ReconcilerSettings withAdoptionAllowed(boolean allowed) {
    return new ReconcilerSettings(resyncInterval, transitionPollInterval, credentialsRetryInterval, allowed, adminUsersAllowed);
  }

  public ReconcilerSettings withAdminUsersAllowed(boolean allowed) {
    return new ReconcilerSettings(resyncInterval, transitionPollInterval, credentialsRetryInterval, adoptionAllowed, allowed);
  }

  public ReconcilerSettings withResyncInterval(Duration interval) {
    return new ReconcilerSettings(interval, transitionPollInterval, credentialsRetryInterval, adoptionAllowed, adminUsersAllowed);
  }
}
