package io.oktaoperator.simulator;

import java.util.Optional;

/** The admin lifecycle operations under {@code POST /api/v1/users/{id}/lifecycle/{operation}}. */
enum LifecycleOperation {
  ACTIVATE("activate"),
  REACTIVATE("reactivate"),
  DEACTIVATE("deactivate"),
  SUSPEND("suspend"),
  UNSUSPEND("unsuspend"),
  UNLOCK("unlock");

  private final String pathSegment;

  LifecycleOperation(String pathSegment) {
    this.pathSegment = pathSegment;
  }

  /** Returns the last path segment of the operation's URL, such as {@code activate}. */
  String pathSegment() {
    return pathSegment;
  }

  static Optional<LifecycleOperation> fromPathSegment(String segment) {
    for (LifecycleOperation operation : values()) {
      if (operation.pathSegment.equals(segment)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }
}
