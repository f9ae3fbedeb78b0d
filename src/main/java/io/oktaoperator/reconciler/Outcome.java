package io.oktaoperator.reconciler;

/** The result of one reconcile, from which the Ready, Reconciling and Stalled conditions follow. */
public sealed interface Outcome {

  String reason();

  String message();

  /** Okta matches the spec for this generation. */
  record Ready(String message) implements Outcome {
    @Override
    public String reason() {
      return Reasons.RECONCILED;
    }
  }

  /** Work is under way or being retried; no change to the resource is needed. */
  record Progressing(String reason, String message) implements Outcome {}

  /** Okta writes are switched off for this resource by the paused annotation. */
  record Paused(String message) implements Outcome {
    @Override
    public String reason() {
      return Reasons.PAUSED;
    }
  }

  /** Progress needs a change by a person: the spec, a Secret, the Okta org or the operator's settings. */
  record Stalled(String reason, String message) implements Outcome {}
}
