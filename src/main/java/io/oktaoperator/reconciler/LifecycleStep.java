package io.oktaoperator.reconciler;

/** One Okta lifecycle operation the reconciler can ask for. */
public enum LifecycleStep {
  ACTIVATE("activate"),
  UNSUSPEND("unsuspend"),
  SUSPEND("suspend"),
  DEACTIVATE("deactivate");

  private final String operation;

  LifecycleStep(String operation) {
    this.operation = operation;
  }

  /** Okta's name for the operation, as in {@code /lifecycle/{operation}}. */
  public String operation() {
    return operation;
  }
}
