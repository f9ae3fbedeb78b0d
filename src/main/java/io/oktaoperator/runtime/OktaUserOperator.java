package io.oktaoperator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.okta.OktaClient;
import io.oktaoperator.reconciler.EventRecorder;
import io.oktaoperator.reconciler.OktaUserReconciler;
import io.oktaoperator.reconciler.SecretReader;

/**
 * The running operator: the Java Operator SDK controller for OktaUser wired to one Okta client. Used
 * alike by the {@code run} command, the sandbox and the integration tests.
 */
public final class OktaUserOperator implements AutoCloseable {

  private final Operator operator;

  private OktaUserOperator(Operator operator) {
    this.operator = operator;
  }

  /**
   * Registers the controller and starts watching OktaUsers.
   *
   * @param client Kubernetes client, owned by the caller and not closed on stop
   * @param okta Okta client, owned by the caller
   */
  public static OktaUserOperator start(KubernetesClient client, OktaClient okta, OperatorOptions options) {
    Operator operator = new Operator(overrider -> configure(overrider, client, options));
    OktaUserReconciler reconciler =
        new OktaUserReconciler(
            okta,
            new SecretReader(client),
            new EventRecorder(client, options.clock()),
            options.reconcilerSettings(),
            options.clock());
    operator.register(
        reconciler,
        configuration -> {
          if (options.watchNamespaces().isEmpty()) {
            configuration.watchingAllNamespaces();
          } else {
            configuration.settingNamespaces(options.watchNamespaces());
          }
          configuration.withFinalizer(OktaUser.FINALIZER);
          configuration.withGenerationAware(false);
          configuration.withOnUpdateFilter(OktaUserReconciler::isRelevantUpdate);
          configuration.withRetry(JitteredRetry.defaults());
        });
    operator.start();
    return new OktaUserOperator(operator);
  }


  /** Applies the operator-wide settings: the client, patching without server-side apply, metrics and leader election. */
  static void configure(ConfigurationServiceOverrider overrider, KubernetesClient client, OperatorOptions options) {
    overrider
        .withKubernetesClient(client)
        .withCloseClientOnStop(false)
        // Merge patches instead of server-side apply keep the tested path (the Fabric8 mock server
        // has no server-side apply) and the shipped path the same.
        .withUseSSAToPatchPrimaryResource(false)
        .withSSABasedCreateUpdateMatchForDependentResources(false);
    if (options.meterRegistry() != null) {
      // Per-resource meters would grow with the number of OktaUsers, so only totals are kept.
      overrider.withMetrics(MicrometerMetrics.withoutPerResourceMetrics(options.meterRegistry()));
    }
    if (options.leaderElection() != null) {
      overrider.withLeaderElectionConfiguration(
          new LeaderElectionConfiguration(options.leaderElection().leaseName(), options.leaderElection().leaseNamespace()));
    }
  }

  /**
   * True once the operator has started (the readiness probe). A standby replica waiting for the
   * leader Lease is ready too, so that rolling updates and node drains can proceed.
   */
  public boolean isReady() {
    return operator.getRuntimeInfo().isStarted();
  }

  /** False when an informer has lost its connection to the Kubernetes API (the liveness probe). */
  public boolean isHealthy() {
    return operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  @Override
  public void close() {
    operator.stop();
  }
}
