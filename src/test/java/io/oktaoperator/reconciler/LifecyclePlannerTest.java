package io.oktaoperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.okta.OktaStatus;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LifecyclePlannerTest {

  /** Every Okta status (rows) against every desired state (columns): the expected plan. */
  @ParameterizedTest(name = "{0} to {1}: {2}")
  @CsvSource({
    // current,        desired,       expected plan
    "STAGED,           STAGED,        InSync",
    "STAGED,           ACTIVE,        ACTIVATE",
    "STAGED,           SUSPENDED,     ACTIVATE",
    "STAGED,           DEPROVISIONED, DEACTIVATE",
    "PROVISIONED,      STAGED,        NotAllowed",
    "PROVISIONED,      ACTIVE,        InSync",
    "PROVISIONED,      SUSPENDED,     NotAllowed",
    "PROVISIONED,      DEPROVISIONED, DEACTIVATE",
    "ACTIVE,           STAGED,        NotAllowed",
    "ACTIVE,           ACTIVE,        InSync",
    "ACTIVE,           SUSPENDED,     SUSPEND",
    "ACTIVE,           DEPROVISIONED, DEACTIVATE",
    "RECOVERY,         STAGED,        NotAllowed",
    "RECOVERY,         ACTIVE,        InSync",
    "RECOVERY,         SUSPENDED,     NotAllowed",
    "RECOVERY,         DEPROVISIONED, DEACTIVATE",
    "LOCKED_OUT,       STAGED,        NotAllowed",
    "LOCKED_OUT,       ACTIVE,        InSync",
    "LOCKED_OUT,       SUSPENDED,     NotAllowed",
    "LOCKED_OUT,       DEPROVISIONED, DEACTIVATE",
    "PASSWORD_EXPIRED, STAGED,        NotAllowed",
    "PASSWORD_EXPIRED, ACTIVE,        InSync",
    "PASSWORD_EXPIRED, SUSPENDED,     NotAllowed",
    "PASSWORD_EXPIRED, DEPROVISIONED, DEACTIVATE",
    "SUSPENDED,        STAGED,        NotAllowed",
    "SUSPENDED,        ACTIVE,        UNSUSPEND",
    "SUSPENDED,        SUSPENDED,     InSync",
    "SUSPENDED,        DEPROVISIONED, DEACTIVATE",
    "DEPROVISIONED,    STAGED,        NotAllowed",
    "DEPROVISIONED,    ACTIVE,        ACTIVATE",
    "DEPROVISIONED,    SUSPENDED,     ACTIVATE",
    "DEPROVISIONED,    DEPROVISIONED, InSync",
  })
  void plansEveryStatusToEveryDesiredState(OktaStatus current, UserState desired, String expected) {
    LifecyclePlan plan = LifecyclePlanner.plan(current, null, desired);

    assertEquals(expected, describe(plan));
  }

  @Test
  void tableCoversEveryStatusAndState() {
    // 8 Okta statuses x 4 desired states = 32 rows above; this guards against a new enum constant.
    assertEquals(8, OktaStatus.values().length);
    assertEquals(4, UserState.values().length);
  }

  @ParameterizedTest
  @EnumSource(UserState.class)
  void waitsWhileOktaTransitions(UserState desired) {
    for (OktaStatus target : Set.of(OktaStatus.ACTIVE, OktaStatus.DEPROVISIONED, OktaStatus.PROVISIONED)) {
      for (OktaStatus current : EnumSet.allOf(OktaStatus.class)) {
        LifecyclePlan plan = LifecyclePlanner.plan(current, target, desired);

        LifecyclePlan.AwaitTransition awaiting = assertInstanceOf(LifecyclePlan.AwaitTransition.class, plan);
        assertEquals(target, awaiting.target());
      }
    }
  }

  @Test
  void backToStagedMessageSaysWhatToChange() {
    LifecyclePlan plan = LifecyclePlanner.plan(OktaStatus.ACTIVE, null, UserState.STAGED);

    LifecyclePlan.NotAllowed notAllowed = assertInstanceOf(LifecyclePlan.NotAllowed.class, plan);
    assertEquals("TransitionNotAllowed", notAllowed.reason());
    assertTrue(notAllowed.message().contains("Set spec.state"), notAllowed.message());
    assertTrue(notAllowed.message().contains("ACTIVE"), notAllowed.message());
  }

  @Test
  void lockedOutUserIsNeverUnlockedAutomatically() {
    LifecyclePlan plan = LifecyclePlanner.plan(OktaStatus.LOCKED_OUT, null, UserState.ACTIVE);

    assertInstanceOf(LifecyclePlan.InSync.class, plan);
  }

  private static String describe(LifecyclePlan plan) {
    if (plan instanceof LifecyclePlan.Transition transition) {
      return transition.step().name();
    }
    return plan.getClass().getSimpleName();
  }
}
