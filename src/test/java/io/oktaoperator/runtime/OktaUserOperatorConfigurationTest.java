package io.oktaoperator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import org.junit.jupiter.api.Test;

/** The operator-wide settings, checked on an operator that is configured but never started. */
@EnableKubernetesMockClient(crud = true)
class OktaUserOperatorConfigurationTest {

  KubernetesClient client;

  @Test
  void leaderElectionUsesConfiguredLease() {
    OperatorOptions options = OperatorOptions.defaults()
        .withLeaderElection(new OperatorOptions.LeaderElection("okta-user-operator", "okta-system"));

    Operator operator = new Operator(overrider -> OktaUserOperator.configure(overrider, client, options));

    LeaderElectionConfiguration election = operator.getConfigurationService().getLeaderElectionConfiguration().orElseThrow();
    assertEquals("okta-user-operator", election.getLeaseName());
    assertEquals("okta-system", election.getLeaseNamespace().orElseThrow());
  }

  @Test
  void leaderElectionIsOffByDefault() {
    Operator operator = new Operator(overrider -> OktaUserOperator.configure(overrider, client, OperatorOptions.defaults()));

    assertTrue(operator.getConfigurationService().getLeaderElectionConfiguration().isEmpty());
  }

  @Test
  void primaryResourceIsPatchedWithoutServerSideApply() {
    Operator operator = new Operator(overrider -> OktaUserOperator.configure(overrider, client, OperatorOptions.defaults()));

    assertFalse(operator.getConfigurationService().useSSAToPatchPrimaryResource());
    assertFalse(operator.getConfigurationService().closeClientOnStop());
  }
}
