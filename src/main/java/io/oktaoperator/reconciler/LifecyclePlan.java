package io.oktaoperator.reconciler;

import io.oktaoperator.okta.OktaStatus;

/** The reconciler's next move on the user's lifecycle status. */
public sealed interface LifecyclePlan {

  /** Okta's status already satisfies the desired state. {@code note} explains a non-obvious match, or is null. */
  record InSync(String note) implements LifecyclePlan {}

  /** Okta must run {@code step}; the desired state may need further steps after it. */
  record Transition(LifecycleStep step) implements LifecyclePlan {}

  /** Okta is running an asynchronous transition to {@code target}; check again later. */
  record AwaitTransition(OktaStatus target) implements LifecyclePlan {}

  /**
   * Okta offers no operation from the current status to the desired state.
   *
   * @param reason CamelCase condition reason
   * @param message what is wrong and what to change
   */
  record NotAllowed(String reason, String message) implements LifecyclePlan {}
}
