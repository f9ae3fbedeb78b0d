package io.oktaoperator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the kstatus conditions {@code Ready}, {@code Reconciling} and {@code Stalled} from an outcome.
 * Each condition keeps its {@code lastTransitionTime} unless its status flips.
 */
public final class Conditions {

  public static final String READY = "Ready";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";

  private Conditions() {}

  public static List<Condition> from(Outcome outcome, List<Condition> previous, long generation, Clock clock) {
    boolean ready = outcome instanceof Outcome.Ready;
    boolean progressing = outcome instanceof Outcome.Progressing;
    boolean stalled = outcome instanceof Outcome.Stalled;

    List<Condition> conditions = new ArrayList<>(3);
    conditions.add(condition(READY, ready, outcome, previous, generation, clock));
    conditions.add(condition(RECONCILING, progressing, outcome, previous, generation, clock));
    conditions.add(condition(STALLED, stalled, outcome, previous, generation, clock));
    return conditions;
  }

  /** Returns the condition of the given type, or null. */
  public static Condition find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  private static Condition condition(
      String type, boolean isTrue, Outcome outcome, List<Condition> previous, long generation, Clock clock) {
    String status = isTrue ? "True" : "False";
    Condition old = find(previous, type);
    String transitionTime =
        old != null && status.equals(old.getStatus()) && old.getLastTransitionTime() != null
            ? old.getLastTransitionTime()
            : DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(outcome.reason())
        .withMessage(outcome.message())
        .withObservedGeneration(generation)
        .withLastTransitionTime(transitionTime)
        .build();
  }
}
