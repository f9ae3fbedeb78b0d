package io.oktaoperator.runtime;

import io.oktaoperator.reconciler.ReconcilerSettings;
import java.time.Clock;
import java.util.Set;

/**
 * Settings of one operator instance.
 *
 * @param watchNamespaces namespaces whose OktaUsers are reconciled; empty means all namespaces
 * @param reconcilerSettings timing of the reconciler
 * @param clock time source for status timestamps and rate-limit waits
 */
public record OperatorOptions(Set<String> watchNamespaces, ReconcilerSettings reconcilerSettings, Clock clock) {

  public OperatorOptions {
    watchNamespaces = Set.copyOf(watchNamespaces);
  }

  public static OperatorOptions defaults() {
    return new OperatorOptions(Set.of(), ReconcilerSettings.defaults(), Clock.systemUTC());
  }

  public OperatorOptions withReconcilerSettings(ReconcilerSettings settings) {
    return new OperatorOptions(watchNamespaces, settings, clock);
  }

  public OperatorOptions withWatchNamespaces(Set<String> namespaces) {
    return new OperatorOptions(namespaces, reconcilerSettings, clock);
  }
}
