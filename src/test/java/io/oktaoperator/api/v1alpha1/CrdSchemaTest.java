package io.oktaoperator.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.SimpleType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the rules of the generated OktaUser CRD: required fields, enums, patterns, Okta's length
 * limits and the CEL rules on spec. Fabric8's mock Kubernetes server validates none of them, so
 * these tests run the schema through a JSON Schema validator and a CEL engine instead.
 */
class CrdSchemaTest {

  private static final CrdSchema SCHEMA = CrdSchema.loadGenerated();

  /** Reasons that the API server accepts on an x-kubernetes-validations rule. */
  private static final Set<String> SUPPORTED_REASONS =
      Set.of("FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate");

  /** A spec field named in a message, such as {@code spec.credentials.passwordSecretRef}. */
  private static final Pattern SPEC_FIELD = Pattern.compile("\\bspec(\\.[A-Za-z_][A-Za-z0-9_]*)+");

  private static final String MINIMAL_SPEC =
      """
      profile:
        login: jane.doe@example.com
        email: jane.doe@example.com
        firstName: Jane
        lastName: Doe
      """;

  private static final String FULL_SPEC =
      """
      profile:
        login: jane.doe@example.com
        email: jane.doe@example.com
        firstName: Jane
        lastName: Doe
        middleName: Quinn
        honorificPrefix: Dr.
        honorificSuffix: PhD
        title: Staff Engineer
        displayName: Jane Doe
        nickName: JD
        profileUrl: https://example.com/people/jane
        secondEmail: jane@example.org
        mobilePhone: "+1 555 0100"
        primaryPhone: "+1 555 0101"
        streetAddress: 1 Main Street
        city: Springfield
        state: IL
        zipCode: "62701"
        countryCode: US
        postalAddress: 1 Main Street, Springfield, IL 62701
        preferredLanguage: en
        locale: en_US
        timezone: America/Chicago
        userType: Employee
        employeeNumber: "4711"
        costCenter: CC-100
        organization: Example Corp
        division: Engineering
        department: Platform
        managerId: 00u1manager
        manager: John Smith
        badgeId: B-1234
        floor: 3
        hourlyRate: 42.5
        contractor: false
        skills:
          - java
          - kubernetes
        office:
          building: HQ
          desk: 12
      state: Active
      sendActivationEmail: false
      credentials:
        passwordSecretRef:
          name: jane-credentials
          key: password
        recoveryQuestion:
          question: First pet?
          answerSecretRef:
            name: jane-credentials
            key: answer
      nextLogin: ChangePassword
      adopt: true
      deletionPolicy: Deactivate
      """;

  /** A manifest that the schema must accept. */
  record AcceptedCase(String name, String manifest) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A manifest that the schema must reject through one rule, at that rule's field. */
  record RejectedCase(String name, String manifest, ExpectedRule rule) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A rule that the CRD must declare, identified by the field that an error names.
   *
   * @param keyword OpenAPI keyword, {@code required}, or {@code x-kubernetes-validations}
   * @param ruleMentions for a CEL rule, the identifiers its expression must contain
   */
  record ExpectedRule(String field, String keyword, List<String> ruleMentions) {

    static ExpectedRule required(String field) {
      return new ExpectedRule(field, "required", List.of());
    }

    static ExpectedRule keyword(String field, String keyword) {
      return new ExpectedRule(field, keyword, List.of());
    }

    static ExpectedRule celRule(String field, String... ruleMentions) {
      return new ExpectedRule(field, SchemaViolation.CEL_KEYWORD, List.of(ruleMentions));
    }

    boolean matches(SchemaViolation violation) {
      return violation.field().equals(field)
          && violation.keyword().equals(keyword)
          && (violation.rule() == null || mentionsAll(violation.rule()));
    }

    boolean isDeclaredIn(CrdSchema schema) {
      if (keyword.equals("required")) {
        int lastDot = field.lastIndexOf('.');
        JsonNode parent =
            lastDot < 0 ? schema.openApiSchema() : schema.schemaAt(field.substring(0, lastDot)).orElse(null);
        String name = field.substring(lastDot + 1);
        return parent != null && stream(parent.path("required")).anyMatch(required -> required.asText().equals(name));
      }
      if (keyword.equals(SchemaViolation.CEL_KEYWORD)) {
        // A rule reports at its own node, or at the node plus its fieldPath.
        return schema.celRules().rules().stream()
            .filter(rule -> field.equals(rule.path() + (rule.fieldPath() == null ? "" : rule.fieldPath())))
            .anyMatch(rule -> mentionsAll(rule.expression()));
      }
      JsonNode node = schema.schemaAt(field).orElse(null);
      if (node == null) {
        return false;
      }
      return node.has(keyword);
    }

    private boolean mentionsAll(String expression) {
      return ruleMentions.stream().allMatch(expression::contains);
    }

    @Override
    public String toString() {
      return switch (keyword) {
        case "required" -> "required field " + field;
        case SchemaViolation.CEL_KEYWORD -> "CEL rule on " + field + " that mentions " + String.join(" and ", ruleMentions);
        default -> keyword + " on " + field;
      };
    }
  }

  static Stream<AcceptedCase> acceptedCases() {
    return Stream.of(
        new AcceptedCase("minimal user", manifest(MINIMAL_SPEC)),
        new AcceptedCase("full user", manifest(FULL_SPEC)),
        new AcceptedCase(
            "nextLogin with state defaulted to Active",
            manifest(
                MINIMAL_SPEC
                    + """
                    credentials:
                      passwordSecretRef: {name: jane-credentials, key: password}
                    nextLogin: ChangePassword
                    """)));
  }

  static Stream<RejectedCase> rejectedCases() {
    return Stream.of(
        new RejectedCase(
            "missing spec.profile",
            manifest("""
                state: Active
                """),
            ExpectedRule.required("spec.profile")),
        new RejectedCase(
            "missing login",
            manifest(
                """
                profile:
                  email: jane.doe@example.com
                  firstName: Jane
                  lastName: Doe
                """),
            ExpectedRule.required("spec.profile.login")),
        new RejectedCase(
            "missing email",
            manifest(
                """
                profile:
                  login: jane.doe@example.com
                  firstName: Jane
                  lastName: Doe
                """),
            ExpectedRule.required("spec.profile.email")),
        new RejectedCase(
            "missing firstName",
            manifest(
                """
                profile:
                  login: jane.doe@example.com
                  email: jane.doe@example.com
                  lastName: Doe
                """),
            ExpectedRule.required("spec.profile.firstName")),
        new RejectedCase(
            "missing lastName",
            manifest(
                """
                profile:
                  login: jane.doe@example.com
                  email: jane.doe@example.com
                  firstName: Jane
                """),
            ExpectedRule.required("spec.profile.lastName")),
        new RejectedCase(
            "unknown state Enabled",
            manifest(MINIMAL_SPEC + "state: Enabled\n"),
            ExpectedRule.keyword("spec.state", "enum")),
        new RejectedCase(
            "unknown deletionPolicy",
            manifest(MINIMAL_SPEC + "deletionPolicy: Purge\n"),
            ExpectedRule.keyword("spec.deletionPolicy", "enum")),
        new RejectedCase(
            // Without credentials the CEL rule on nextLogin would fail too, but the API server
            // skips the CEL rules after an enum error.
            "unknown nextLogin",
            manifest(MINIMAL_SPEC + "nextLogin: ResetPassword\n"),
            ExpectedRule.keyword("spec.nextLogin", "enum")),
        new RejectedCase(
            "login shorter than 5",
            manifest(
                """
                profile:
                  login: j@ec
                  email: jane.doe@example.com
                  firstName: Jane
                  lastName: Doe
                """),
            ExpectedRule.keyword("spec.profile.login", "minLength")),
        new RejectedCase(
            "login longer than 100",
            manifest(
                """
                profile:
                  login: %s@example.com
                  email: jane.doe@example.com
                  firstName: Jane
                  lastName: Doe
                """
                    .formatted("j".repeat(89))),
            ExpectedRule.keyword("spec.profile.login", "maxLength")),
        new RejectedCase(
            "login with a space",
            manifest(
                """
                profile:
                  login: jane doe@example.com
                  email: jane.doe@example.com
                  firstName: Jane
                  lastName: Doe
                """),
            ExpectedRule.keyword("spec.profile.login", "pattern")),
        new RejectedCase(
            "login with a slash",
            manifest(
                """
                profile:
                  login: jane/doe@example.com
                  email: jane.doe@example.com
                  firstName: Jane
                  lastName: Doe
                """),
            ExpectedRule.keyword("spec.profile.login", "pattern")),
        new RejectedCase(
            "passwordSecretRef with empty name",
            manifest(
                MINIMAL_SPEC
                    + """
                    credentials:
                      passwordSecretRef: {name: "", key: password}
                    """),
            ExpectedRule.keyword("spec.credentials.passwordSecretRef.name", "minLength")),
        new RejectedCase(
            "email without @",
            manifest(
                """
                profile:
                  login: jane.doe@example.com
                  email: jane.doe.example.com
                  firstName: Jane
                  lastName: Doe
                """),
            ExpectedRule.keyword("spec.profile.email", "pattern")),
        new RejectedCase(
            "firstName over 50",
            manifest(
                """
                profile:
                  login: jane.doe@example.com
                  email: jane.doe@example.com
                  firstName: %s
                  lastName: Doe
                """
                    .formatted("J".repeat(51))),
            ExpectedRule.keyword("spec.profile.firstName", "maxLength")),
        new RejectedCase(
            "countryCode usa",
            manifest(profileWith("countryCode: usa")),
            ExpectedRule.keyword("spec.profile.countryCode", "pattern")),
        new RejectedCase(
            "streetAddress over 1024",
            manifest(profileWith("streetAddress: " + "x".repeat(1025))),
            ExpectedRule.keyword("spec.profile.streetAddress", "maxLength")),
        new RejectedCase(
            "secondEmail not an e-mail",
            manifest(profileWith("secondEmail: jane-at-example.org")),
            ExpectedRule.keyword("spec.profile.secondEmail", "pattern")),
        new RejectedCase(
            "nextLogin without credentials",
            manifest(MINIMAL_SPEC + "nextLogin: ChangePassword\n"),
            ExpectedRule.celRule("spec.nextLogin", "nextLogin", "passwordSecretRef")),
        new RejectedCase(
            "nextLogin with state Staged",
            manifest(
                MINIMAL_SPEC
                    + """
                    state: Staged
                    credentials:
                      passwordSecretRef: {name: jane-credentials, key: password}
                    nextLogin: ChangePassword
                    """),
            ExpectedRule.celRule("spec.nextLogin", "nextLogin", "state")),
        new RejectedCase(
            "passwordSecretRef without key",
            manifest(
                MINIMAL_SPEC
                    + """
                    credentials:
                      passwordSecretRef: {name: jane-credentials}
                    """),
            ExpectedRule.required("spec.credentials.passwordSecretRef.key")));
  }

  static List<CelRules.Rule> celRules() {
    return SCHEMA.celRules().rules();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedCases")
  void acceptsValidUser(AcceptedCase sample) {
    CrdSchema.Result result = SCHEMA.validateCreate(sample.manifest());

    assertEquals(List.of(), result.violations(), sample.name() + " must be accepted");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedCases")
  void crdDeclaresRuleForCase(RejectedCase sample) {
    assertTrue(
        sample.rule().isDeclaredIn(SCHEMA),
        "the generated CRD has no "
            + sample.rule()
            + ", so the API server accepts a user with "
            + sample.name()
            + ". Restore the annotation on its class in io.oktaoperator.api.v1alpha1.");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedCases")
  void rejectsInvalidUser(RejectedCase sample) {
    List<SchemaViolation> violations = SCHEMA.validateCreate(sample.manifest()).violations();

    assertFalse(violations.isEmpty(), "a user with " + sample.name() + " was accepted, but " + sample.rule() + " should reject it");
    assertEquals(
        Set.of(sample.rule().field()),
        violations.stream().map(SchemaViolation::field).collect(Collectors.toCollection(TreeSet::new)),
        "errors must point at " + sample.rule().field() + " only: " + violations);
    assertTrue(
        violations.stream().anyMatch(sample.rule()::matches),
        "expected a violation of " + sample.rule() + ", got " + violations);
  }

  @Test
  void fullUserSetsEveryStandardAttribute() {
    JsonNode profile = CrdSchema.parseYaml(manifest(FULL_SPEC)).path("spec").path("profile");

    for (String attribute : OktaUserProfile.STANDARD_ATTRIBUTES) {
      assertTrue(profile.has(attribute), "the full user sample lacks the standard attribute " + attribute);
    }
  }

  @Test
  void defaultsFillOmittedSpecFields() {
    JsonNode spec = SCHEMA.applyDefaults(CrdSchema.parseYaml(manifest(MINIMAL_SPEC))).path("spec");

    assertEquals("Active", spec.path("state").asText());
    assertEquals("Delete", spec.path("deletionPolicy").asText());
    assertEquals(BooleanNode.FALSE, spec.get("adopt"));
    assertEquals(BooleanNode.FALSE, spec.get("sendActivationEmail"));
  }

  @Test
  void enumViolationSkipsCelRules() {
    CrdSchema.Result result = SCHEMA.validateCreate(manifest(MINIMAL_SPEC + "state: Enabled\nnextLogin: ChangePassword\n"));

    assertTrue(result.celRulesSkipped(), "an enum error must skip the CEL rules, as the API server does");
    assertTrue(
        result.violations().stream().noneMatch(violation -> violation.keyword().equals(SchemaViolation.CEL_KEYWORD)),
        "no CEL rule may run after an enum error: " + result.violations());
  }

  @Test
  void crdHasCelRules() {
    assertFalse(celRules().isEmpty(), "the generated CRD has no x-kubernetes-validations rule on any field");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("celRules")
  void celRuleCompiles(CelRules.Rule rule) {
    CelAbstractSyntaxTree ast =
        assertDoesNotThrow(
            () -> SCHEMA.celRules().compile(rule),
            () ->
                "CEL rule "
                    + rule
                    + " does not compile, so the API server would reject the CRD. A rule that calls a"
                    + " Kubernetes library function (list, regex, URL, quantity, IP, CIDR, format or"
                    + " semver library) also fails here because dev.cel lacks it: bind that function in"
                    + " CelRules.");

    assertEquals(SimpleType.BOOL, ast.getResultType(), "CEL rule " + rule + " must evaluate to a bool");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("celRules")
  void celRuleMessageNamesSpecField(CelRules.Rule rule) {
    assertNotNull(rule.message(), "CEL rule " + rule + " has no message, so the API server reports only the expression");

    List<String> fields = SPEC_FIELD.matcher(rule.message()).results().map(MatchResult::group).toList();
    assertFalse(fields.isEmpty(), "the message of CEL rule " + rule + " names no spec field: " + rule.message());
    for (String field : fields) {
      assertTrue(
          SCHEMA.schemaAt(field).isPresent(),
          "the message of CEL rule " + rule + " names " + field + ", which the schema does not declare");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("celRules")
  void celRuleReasonIsSupported(CelRules.Rule rule) {
    String reason = rule.reason() == null ? "FieldValueInvalid" : rule.reason();

    assertTrue(
        SUPPORTED_REASONS.contains(reason),
        "CEL rule " + rule + " has reason " + reason + ", which the API server rejects. Use one of " + SUPPORTED_REASONS);
  }

  /** Wraps a spec, given as YAML, in an OktaUser manifest. */
  private static String manifest(String spec) {
    return """
        apiVersion: oktaoperator.io/v1alpha1
        kind: OktaUser
        metadata:
          name: jane
        spec:
        """
        + spec.indent(2);
  }

  /** Returns the minimal spec with one more profile attribute, given as a YAML line. */
  private static String profileWith(String attribute) {
    return MINIMAL_SPEC + "  " + attribute + "\n";
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
