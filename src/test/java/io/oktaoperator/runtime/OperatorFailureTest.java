package io.oktaoperator.runtime;

import static io.oktaoperator.runtime.OperatorTestEnvironment.TIMEOUT;
import static io.oktaoperator.runtime.OperatorTestEnvironment.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.reconciler.Conditions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The operator when Okta rejects its token or cannot be reached. */
class OperatorFailureTest {

  @Test
  void wrongApiTokenGivesConditionNamingCauseWithoutTightLoop() {
    try (OperatorTestEnvironment env = OperatorTestEnvironment.start(OperatorTestEnvironment.FAST, "wrong-token-11aa")) {
      env.create(user("tok", "tok@example.com", UserState.ACTIVE));

      OktaUser stalled = env.awaitCondition("tok", Conditions.STALLED, "True");

      var condition = Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED);
      assertEquals("OktaAuthenticationFailed", condition.getReason());
      assertTrue(condition.getMessage().contains("E0000011"), condition.getMessage());
      assertTrue(condition.getMessage().contains("OKTA_API_TOKEN"), condition.getMessage());
      assertFalse(condition.getMessage().contains("wrong-token-11aa"), "the token leaked into the condition");
      // The retry interval for credential problems is 30 s here: no request may follow within 3 s.
      int requests = env.simulator.requestLog().size();
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
          .until(() -> env.simulator.requestLog().size() == requests);
    }
  }

  @Test
  void finalizerStaysWhileOktaIsUnreachable() {
    try (OperatorTestEnvironment env = OperatorTestEnvironment.start()) {
      env.create(user("off", "off@example.com", UserState.STAGED));
      env.awaitReady("off");

      env.simulator.close();
      env.resource("off").delete();

      OktaUser blocked = await().atMost(TIMEOUT).until(
          () -> env.get("off"),
          u -> {
            var ready = Conditions.find(u.getStatus().getConditions(), Conditions.READY);
            return ready != null && "OktaUnavailable".equals(ready.getReason());
          });
      assertTrue(blocked.getMetadata().getFinalizers().contains(OktaUser.FINALIZER));
      assertTrue(blocked.getMetadata().getDeletionTimestamp() != null);
      var ready = Conditions.find(blocked.getStatus().getConditions(), Conditions.READY);
      assertTrue(ready.getMessage().contains("deleting the Okta user"), ready.getMessage());
    }
  }
}
