package io.oktaoperator.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.CelValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the CEL helper on a schema written for it, with rules on list items, map values, an
 * escaped property name and a transition rule, which the OktaUser CRD does not have yet.
 */
class CelRulesTest {

  private static final CelRules RULES =
      new CelRules(
          CrdSchema.parseYaml(
              """
              type: object
              properties:
                spec:
                  type: object
                  properties:
                    replicas:
                      type: integer
                    x-max:
                      type: integer
                    ports:
                      type: array
                      items:
                        type: object
                        properties:
                          port:
                            type: integer
                        x-kubernetes-validations:
                          - rule: self.port > 0
                            message: spec.ports[].port must be positive
                    labels:
                      type: object
                      additionalProperties:
                        type: string
                        x-kubernetes-validations:
                          - rule: self.size() <= 3
                            message: spec.labels values have at most 3 characters
                    extra:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
                      properties:
                        known:
                          type: string
                  x-kubernetes-validations:
                    - rule: "!has(self.x__dash__max) || self.replicas <= self.x__dash__max"
                      message: spec.replicas must not exceed spec.x-max
                      fieldPath: .replicas
                    - rule: self.replicas >= oldSelf.replicas
                      message: spec.replicas cannot shrink
              """));

  @Test
  void rulesFoundAtEveryLevel() {
    List<String> paths = RULES.rules().stream().map(CelRules.Rule::path).toList();

    assertEquals(List.of("spec", "spec", "spec.ports[*]", "spec.labels[*]"), paths);
  }

  @Test
  void listItemRuleNamesTheItem() {
    List<SchemaViolation> violations =
        RULES.evaluateCreate(
            CrdSchema.parseYaml(
                """
                spec:
                  replicas: 1
                  ports: [{port: 80}, {port: 0}]
                """));

    assertEquals(List.of("spec.ports[1]"), violations.stream().map(SchemaViolation::field).toList());
    assertEquals("spec.ports[].port must be positive", violations.get(0).message());
  }

  @Test
  void mapValueRuleNamesTheKey() {
    List<SchemaViolation> violations =
        RULES.evaluateCreate(
            CrdSchema.parseYaml(
                """
                spec:
                  replicas: 1
                  labels: {team: abc, tier: backend}
                """));

    assertEquals(List.of("spec.labels[tier]"), violations.stream().map(SchemaViolation::field).toList());
  }

  @Test
  void escapedPropertyAndFieldPath() {
    List<SchemaViolation> violations =
        RULES.evaluateCreate(
            CrdSchema.parseYaml(
                """
                spec:
                  replicas: 5
                  x-max: 3
                """));

    assertEquals(List.of("spec.replicas"), violations.stream().map(SchemaViolation::field).toList());
    assertEquals("spec.replicas must not exceed spec.x-max", violations.get(0).message());
  }

  @Test
  void transitionRuleSkippedOnCreate() {
    List<SchemaViolation> violations = RULES.evaluateCreate(CrdSchema.parseYaml("spec: {replicas: 1}"));

    assertEquals(List.of(), violations);
  }

  @Test
  void undeclaredFieldDoesNotCompile() {
    CelRules.Rule rule = RULES.rules().get(0);
    CelRules.Rule typo =
        new CelRules.Rule(rule.path(), rule.schema(), "self.replica > 0", rule.message(), null, null, null);

    CelValidationException error = assertThrows(CelValidationException.class, () -> RULES.compile(typo));
    assertTrue(error.getMessage().contains("undefined field 'replica'"), error.getMessage());
  }

  @Test
  void unknownFieldHiddenFromRules() {
    CelRules.Rule rule = RULES.rules().get(0);
    CelRules.Rule readsUnknown =
        new CelRules.Rule(rule.path(), rule.schema(), "has(self.extra.custom)", rule.message(), null, null, null);

    CelValidationException error = assertThrows(CelValidationException.class, () -> RULES.compile(readsUnknown));
    assertTrue(error.getMessage().contains("undefined field 'custom'"), error.getMessage());
  }
}
