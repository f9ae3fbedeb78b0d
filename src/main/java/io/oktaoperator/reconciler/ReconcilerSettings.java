package io.oktaoperator.reconciler;

import java.time.Duration;

/**
 * Timing of the reconciler.
 *
 * @param resyncInterval how often a converged resource is compared with Okta again, to correct drift
 * @param transitionPollInterval how often Okta is read while an asynchronous transition runs
 * @param credentialsRetryInterval how long to wait before retrying after Okta rejected the API token
 *     or its permissions, which a person fixes outside the resource
 */
public record ReconcilerSettings(
    Duration resyncInterval, Duration transitionPollInterval, Duration credentialsRetryInterval) {

  public static ReconcilerSettings defaults() {
    return new ReconcilerSettings(Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(5));
  }
}
