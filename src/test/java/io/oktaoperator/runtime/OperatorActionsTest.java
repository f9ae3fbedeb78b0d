package io.oktaoperator.runtime;

import static io.oktaoperator.runtime.OperatorTestEnvironment.TIMEOUT;
import static io.oktaoperator.runtime.OperatorTestEnvironment.userWithPassword;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.UserActions;
import io.oktaoperator.api.v1alpha1.UserState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One-shot actions: each runs once for every new value, and unlock is never automatic. */
class OperatorActionsTest {

  OperatorTestEnvironment env;

  @BeforeEach
  void startEnvironment() {
    env = OperatorTestEnvironment.start(OperatorTestEnvironment.FREQUENT_RESYNC, OperatorTestEnvironment.TOKEN);
    env.createPasswordSecret("ann-credentials", "Correct-Horse-9");
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  long requests(String pathSuffix) {
    return env.simulator.requestLog().stream().filter(r -> r.method().equals("POST") && r.path().endsWith(pathSuffix)).count();
  }

  void setActions(String name, java.util.function.Consumer<UserActions> change) {
    env.editSpec(name, spec -> {
      if (spec.getActions() == null) {
        spec.setActions(new UserActions());
      }
      change.accept(spec.getActions());
    });
  }

  @Test
  void expirePasswordRunsOncePerValue() {
    env.create(userWithPassword("ann", "ann@example.com", UserState.ACTIVE, "ann-credentials"));
    env.awaitOktaStatus("ann", "ACTIVE");

    setActions("ann", actions -> actions.setExpirePassword("2026-12-01"));
    OktaUser expired = env.awaitOktaStatus("ann", "PASSWORD_EXPIRED");
    assertEquals("2026-12-01", expired.getStatus().getHandledActions().get("expirePassword"));

    // Several resyncs later the action has still run only once.
    long reads = env.simulator.requestLog().size();
    await().atMost(TIMEOUT).until(() -> env.simulator.requestLog().size() >= reads + 4);
    assertEquals(1, requests("/lifecycle/expire_password"));

    setActions("ann", actions -> actions.setExpirePassword("2026-12-02"));
    await().atMost(TIMEOUT).until(() -> requests("/lifecycle/expire_password") == 2);
    await().atMost(TIMEOUT).until(() -> "2026-12-02".equals(env.get("ann").getStatus().getHandledActions().get("expirePassword")));
  }

  @Test
  void resetFactorsRunsOnce() {
    OktaUser ann = userWithPassword("ann", "ann@example.com", UserState.ACTIVE, "ann-credentials");
    ann.getSpec().setActions(new UserActions());
    ann.getSpec().getActions().setResetFactors("ticket-4411");
    env.create(ann);

    await().atMost(TIMEOUT).until(() -> env.get("ann").getStatus() != null
        && env.get("ann").getStatus().getHandledActions() != null
        && "ticket-4411".equals(env.get("ann").getStatus().getHandledActions().get("resetFactors")));
    env.awaitReady("ann");

    long reads = env.simulator.requestLog().size();
    await().atMost(TIMEOUT).until(() -> env.simulator.requestLog().size() >= reads + 4);
    assertEquals(1, requests("/lifecycle/reset_factors"));
  }

  @Test
  void lockedOutUserIsUnlockedOnlyWhenAsked() {
    env.create(userWithPassword("ann", "ann@example.com", UserState.ACTIVE, "ann-credentials"));
    String id = env.awaitOktaStatus("ann", "ACTIVE").getStatus().getId();

    env.simulator.outOfBand().lockOut(id);
    env.awaitOktaStatus("ann", "LOCKED_OUT");
    long reads = env.simulator.requestLog().size();
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> requests("/lifecycle/unlock") == 0 && env.simulator.requestLog().size() >= reads);

    setActions("ann", actions -> actions.setUnlock("ticket-77"));
    env.awaitOktaStatus("ann", "ACTIVE");
    assertEquals(1, requests("/lifecycle/unlock"));
  }
}
