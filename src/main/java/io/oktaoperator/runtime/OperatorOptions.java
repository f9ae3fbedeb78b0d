package io.oktaoperator.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.oktaoperator.reconciler.ReconcilerSettings;
import java.time.Clock;
import java.util.Set;

/**
 * Settings of one operator instance.
 *
 * @param watchNamespaces namespaces whose OktaUsers are reconciled; empty means all namespaces
 * @param reconcilerSettings timing of the reconciler
 * @param clock time source for status timestamps and rate-limit waits
 * @param meterRegistry registry for the controller's metrics, or null for none
 * @param leaderElection the Lease to hold before reconciling, or null to reconcile without one
 */
public record OperatorOptions(
    Set<String> watchNamespaces,
    ReconcilerSettings reconcilerSettings,
    Clock clock,
    MeterRegistry meterRegistry,
    LeaderElection leaderElection) {

  public OperatorOptions {
    watchNamespaces = Set.copyOf(watchNamespaces);
  }

  public static OperatorOptions defaults() {
    return new OperatorOptions(Set.of(), ReconcilerSettings.defaults(), Clock.systemUTC(), null, null);
  }

  public OperatorOptions withReconcilerSettings(ReconcilerSettings settings) {
    return new OperatorOptions(watchNamespaces, settings, clock, meterRegistry, leaderElection);
  }

  public OperatorOptions withWatchNamespaces(Set<String> namespaces) {
    return new OperatorOptions(namespaces, reconcilerSettings, clock, meterRegistry, leaderElection);
  }

  public OperatorOptions withMeterRegistry(MeterRegistry registry) {
    return new OperatorOptions(watchNamespaces, reconcilerSettings, clock, registry, leaderElection);
  }

  public OperatorOptions withLeaderElection(LeaderElection election) {
    return new OperatorOptions(watchNamespaces, reconcilerSettings, clock, meterRegistry, election);
  }

  /**
   * The Lease that replicas compete for; only its holder reconciles.
   *
   * @param leaseName name of the coordination.k8s.io Lease
   * @param leaseNamespace namespace of the Lease, usually the operator's own
   */
  public record LeaderElection(String leaseName, String leaseNamespace) {}
}
