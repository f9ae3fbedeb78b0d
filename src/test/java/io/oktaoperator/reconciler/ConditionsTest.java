package io.oktaoperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  static final Clock T0 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T01:00:00Z"), ZoneOffset.UTC);

  @Test
  void readyOutcomeSetsReadyTrueAndOthersFalse() {
    List<Condition> conditions = Conditions.from(new Outcome.Ready("ok"), List.of(), 3, T0);

    assertEquals("True", Conditions.find(conditions, "Ready").getStatus());
    assertEquals("False", Conditions.find(conditions, "Reconciling").getStatus());
    assertEquals("False", Conditions.find(conditions, "Stalled").getStatus());
    assertEquals("Reconciled", Conditions.find(conditions, "Ready").getReason());
    assertEquals(3L, Conditions.find(conditions, "Ready").getObservedGeneration());
  }

  @Test
  void stalledOutcomeSetsStalledTrueWithReasonAndMessage() {
    List<Condition> conditions = Conditions.from(new Outcome.Stalled("InvalidSpec", "fix it"), List.of(), 1, T0);

    Condition stalled = Conditions.find(conditions, "Stalled");
    assertEquals("True", stalled.getStatus());
    assertEquals("InvalidSpec", stalled.getReason());
    assertEquals("fix it", stalled.getMessage());
    assertEquals("False", Conditions.find(conditions, "Ready").getStatus());
  }

  @Test
  void progressingOutcomeSetsReconcilingTrue() {
    List<Condition> conditions = Conditions.from(new Outcome.Progressing("Creating", "wait"), List.of(), 1, T0);

    assertEquals("True", Conditions.find(conditions, "Reconciling").getStatus());
    assertEquals("False", Conditions.find(conditions, "Ready").getStatus());
  }

  @Test
  void keepsTransitionTimeWhileStatusIsUnchanged() {
    List<Condition> first = Conditions.from(new Outcome.Ready("ok"), List.of(), 1, T0);

    List<Condition> second = Conditions.from(new Outcome.Ready("still ok"), first, 2, T1);

    assertEquals("2026-01-01T00:00:00Z", Conditions.find(second, "Ready").getLastTransitionTime());
  }

  @Test
  void updatesTransitionTimeWhenStatusFlips() {
    List<Condition> first = Conditions.from(new Outcome.Ready("ok"), List.of(), 1, T0);

    List<Condition> second = Conditions.from(new Outcome.Stalled("InvalidSpec", "bad"), first, 2, T1);

    assertEquals("2026-01-01T01:00:00Z", Conditions.find(second, "Ready").getLastTransitionTime());
    assertEquals("2026-01-01T01:00:00Z", Conditions.find(second, "Stalled").getLastTransitionTime());
  }
}
