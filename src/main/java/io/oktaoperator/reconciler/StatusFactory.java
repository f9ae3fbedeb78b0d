package io.oktaoperator.reconciler;

import io.oktaoperator.api.v1alpha1.OktaUserStatus;
import io.oktaoperator.okta.OktaAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the next {@link OktaUserStatus} from the previous one, what Okta returned and the outcome. */
public final class StatusFactory {

  private final Clock clock;

  public StatusFactory(Clock clock) {
    this.clock = clock;
  }

  /**
   * Builds the status.
   *
   * @param previous the status as last written, never null
   * @param account the Okta user as last read or written, or null when none exists
   * @param bookkeeping what the operator remembers between reconciles
   */
  public OktaUserStatus build(
      OktaUserStatus previous, OktaAccount account, Bookkeeping bookkeeping, Outcome outcome, long generation) {
    OktaUserStatus next = new OktaUserStatus();
    if (account != null) {
      next.setId(account.id());
      next.setStatus(account.status());
      next.setTransitioningToStatus(account.transitioningToStatus());
      next.setCreated(format(account.created()));
      next.setActivated(format(account.activated()));
      next.setStatusChanged(format(account.statusChanged()));
      next.setLastLogin(format(account.lastLogin()));
      next.setLastUpdated(format(account.lastUpdated()));
      next.setPasswordChanged(format(account.passwordChanged()));
    }
    next.setManagedAttributes(new ArrayList<>(bookkeeping.managedAttributes()));
    next.setPasswordSecretVersion(bookkeeping.passwordSecretVersion());
    next.setHandledActions(bookkeeping.handledActions().isEmpty() ? null : new java.util.TreeMap<>(bookkeeping.handledActions()));
    next.setObservedGeneration(generation);
    next.setConditions(Conditions.from(outcome, previous.getConditions(), generation, clock));
    return next;
  }

  private static String format(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /**
   * State the operator keeps in the status between reconciles.
   *
   * @param managedAttributes profile attributes the spec managed at the last profile write
   * @param passwordSecretVersion resourceVersion of the password Secret at the last password write
   * @param handledActions the value of each action when it last ran
   */
  public record Bookkeeping(List<String> managedAttributes, String passwordSecretVersion, Map<String, String> handledActions) {

    public Bookkeeping {
      managedAttributes = managedAttributes == null ? List.of() : List.copyOf(managedAttributes);
      handledActions = handledActions == null ? Map.of() : Map.copyOf(handledActions);
    }

    public Bookkeeping(List<String> managedAttributes, String passwordSecretVersion) {
      this(managedAttributes, passwordSecretVersion, Map.of());
    }

    public static Bookkeeping of(OktaUserStatus status) {
      return new Bookkeeping(status.getManagedAttributes(), status.getPasswordSecretVersion(), status.getHandledActions());
    }

    public Bookkeeping withManagedAttributes(List<String> attributes) {
      return new Bookkeeping(attributes, passwordSecretVersion, handledActions);
    }

    public Bookkeeping withPasswordSecretVersion(String version) {
      return new Bookkeeping(managedAttributes, version, handledActions);
    }

    public Bookkeeping withHandledAction(String action, String value) {
      Map<String, String> handled = new java.util.HashMap<>(handledActions);
      handled.put(action, value);
      return new Bookkeeping(managedAttributes, passwordSecretVersion, handled);
    }

    /** Returns the requested actions whose value differs from the one last run. */
    public Map<String, String> pendingActions(Map<String, String> requested) {
      Map<String, String> pending = new java.util.LinkedHashMap<>();
      requested.forEach((action, value) -> {
        if (!value.equals(handledActions.get(action))) {
          pending.put(action, value);
        }
      });
      return pending;
    }
  }
}
