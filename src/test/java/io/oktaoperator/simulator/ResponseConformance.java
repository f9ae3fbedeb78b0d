package io.oktaoperator.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks simulator responses against Okta's OpenAPI spec. A response conforms when the request
 * invokes an operation of the spec and the response validates against the schema that the
 * operation declares for its status (or for the status range, or {@code default}). Two kinds of
 * responses have no operation or status in the spec and are checked as described in {@link
 * #check(OktaOpenApiSpec, SentResponse)}.
 */
final class ResponseConformance {

  /**
   * A response that Okta sends for an operation although the operation's entry in the spec does
   * not list its status.
   *
   * @param operationIds the operations concerned; empty for every operation
   * @param status HTTP status
   * @param errorCodes the possible {@code errorCode} values of the body; empty for a response without a body
   * @param source where Okta documents this response
   */
  record UndeclaredResponse(Set<String> operationIds, int status, Set<String> errorCodes, String source) {

    boolean covers(String operationId, int otherStatus, String errorCode) {
      boolean operationMatches = operationIds.isEmpty() || operationIds.contains(operationId);
      boolean bodyMatches = errorCode == null ? errorCodes.isEmpty() : errorCodes.contains(errorCode);
      return operationMatches && status == otherStatus && bodyMatches;
    }
  }

  /**
   * Responses that the spec's operations leave out but that Okta documents elsewhere. Their bodies
   * must still validate against the spec's {@code Error} schema.
   */
  static final List<UndeclaredResponse> UNDECLARED_RESPONSES =
      List.of(
          new UndeclaredResponse(
              Set.of(),
              401,
              Set.of("E0000011"),
              "Okta's error-code catalogue: E0000011, an invalid token, on any operation; the spec"
                  + " lists 401 (response component ErrorInvalidToken401) on only some operations"),
          new UndeclaredResponse(
              Set.of(),
              411,
              Set.of(),
              "Okta's API conventions: a POST or PUT without a Content-Length header gets 411 Length Required"),
          new UndeclaredResponse(
              Set.of("listUsers"),
              400,
              Set.of("E0000029", "E0000030", "E0000031", "E0000033"),
              "Okta's error-code catalogue: invalid paging, invalid date, invalid search criteria, and"
                  + " search together with filter"),
          // NOTE: the catalogue names updates only; that deletes and lifecycle operations get the
          // same error during activation is the simulator's assumption.
          new UndeclaredResponse(
              Set.of(
                  "updateUser",
                  "replaceUser",
                  "deleteUser",
                  "deactivateUser",
                  "suspendUser",
                  "unsuspendUser",
                  "unlockUser",
                  "reactivateUser",
                  "expirePassword",
                  "expirePasswordWithTempPassword",
                  "resetPassword",
                  "resetFactors",
                  "changePassword",
                  "changeRecoveryQuestion",
                  "forgotPassword",
                  "forgotPasswordSetNewPassword"),
              409,
              Set.of("E0000112"),
              "Okta's error-code catalogue: E0000112, a user still being activated cannot be updated"),
          // Injected by the fault tests: Okta's error-code catalogue lists these server errors for
          // the whole API, while the spec declares them on a few operations only.
          new UndeclaredResponse(
              Set.of(),
              500,
              Set.of("E0000009"),
              "Okta's error-code catalogue: E0000009, internal server error, on any operation"),
          new UndeclaredResponse(
              Set.of(),
              502,
              Set.of("E0000009"),
              "A bad gateway injected by the fault tests. NOTE: Okta's catalogue has no code for 502,"
                  + " so the simulator reuses E0000009"),
          new UndeclaredResponse(
              Set.of(),
              503,
              Set.of("E0000010"),
              "Okta's error-code catalogue: E0000010, service in read-only mode, on any operation"));

  /**
   * Operations that return {@code {}} although the spec declares their 200 response without
   * content. Okta's traffic recorded in okta/okta-sdk-test-server (scenarios/user-suspend.har)
   * shows {@code {}} for suspend and unsuspend.
   *
   * <p>NOTE: no recording of unlock was found; the simulator assumes it responds like suspend.
   */
  static final Set<String> EMPTY_OBJECT_WITHOUT_DECLARED_CONTENT = Set.of("suspendUser", "unsuspendUser", "unlockUser");

  /** Name of the schema of Okta's error bodies under {@code components/schemas}. */
  private static final String ERROR_SCHEMA = "Error";

  /** Okta's error code for a path that its API does not have. */
  private static final String PATH_NOT_FOUND = "E0000008";

  private ResponseConformance() {}

  /**
   * Returns the problems of one response; empty when it conforms. A request that matches no
   * operation of the spec must get 404 (unknown path) or 405 (known path, other method) with an
   * Okta {@code Error} body. A status that the matched operation does not declare must be one of
   * {@link #UNDECLARED_RESPONSES}.
   */
  static List<String> check(OktaOpenApiSpec spec, SentResponse response) {
    String contentType = header(response, "Content-Type");
    Optional<OktaOpenApiSpec.Operation> found = spec.findOperation(response.method(), response.path());
    if (found.isEmpty()) {
      int expectedStatus = spec.hasPath(response.path()) ? 405 : 404;
      List<String> problems = new ArrayList<>();
      if (response.status() != expectedStatus) {
        problems.add(
            "the spec has no such operation, so Okta would send "
                + expectedStatus
                + ", but the simulator sent "
                + response.status());
      }
      problems.addAll(spec.validateComponentSchema(ERROR_SCHEMA, contentType, response.body()));
      return problems;
    }

    OktaOpenApiSpec.Operation operation = found.get();
    String errorCode = errorCode(response.body());
    if (PATH_NOT_FOUND.equals(errorCode)) {
      return List.of("the spec has this operation, but the simulator does not serve it (" + PATH_NOT_FOUND + ")");
    }
    Optional<String> key = spec.responseKey(operation, response.status());
    if (key.isPresent()) {
      boolean emptyObjectAllowed =
          EMPTY_OBJECT_WITHOUT_DECLARED_CONTENT.contains(operation.operationId())
              && !spec.declaresContent(operation, key.get())
              && response.body().equals("{}");
      return emptyObjectAllowed ? List.of() : spec.validateResponse(operation, key.get(), contentType, response.body());
    }
    boolean documentedElsewhere =
        UNDECLARED_RESPONSES.stream()
            .anyMatch(undeclared -> undeclared.covers(operation.operationId(), response.status(), errorCode));
    if (!documentedElsewhere) {
      return List.of(
          "status "
              + response.status()
              + (errorCode == null ? "" : " with errorCode " + errorCode)
              + " is not declared by the operation, and Okta does not document it elsewhere");
    }
    if (errorCode == null) {
      return response.body().isEmpty() ? List.of() : List.of("expected no body, got " + response.body());
    }
    return spec.validateComponentSchema(ERROR_SCHEMA, contentType, response.body());
  }

  /**
   * Checks all responses and returns a report with one line per distinct problem, or an empty
   * string when all conform. Identical problems of one operation and status are counted, with
   * the first request that had them as an example.
   */
  static String report(OktaOpenApiSpec spec, List<SentResponse> responses) {
    Map<String, List<SentResponse>> byProblem = new TreeMap<>();
    for (SentResponse response : responses) {
      String operation =
          spec.findOperation(response.method(), response.path())
              .map(found -> found.operationId() + " " + found.method() + " " + found.pathTemplate())
              .orElse("(no operation) " + response.method());
      for (String problem : check(spec, response)) {
        String key = operation + " -> " + response.status() + ": " + problem;
        byProblem.computeIfAbsent(key, ignored -> new ArrayList<>()).add(response);
      }
    }
    StringBuilder report = new StringBuilder();
    byProblem.forEach(
        (problem, examples) -> {
          SentResponse example = examples.get(0);
          String target = example.path() + (example.query().isEmpty() ? "" : "?" + example.query());
          report.append(String.format(Locale.ROOT, "%n- %s (responses: %d, first: %s)", problem, examples.size(), target));
        });
    return report.toString();
  }

  static String header(SentResponse response, String name) {
    return response.headers().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .flatMap(entry -> entry.getValue().stream())
        .findFirst()
        .orElse(null);
  }

  private static String errorCode(String body) {
    if (body.isEmpty()) {
      return null;
    }
    try {
      JsonNode code = SimulatorClient.MAPPER.readTree(body).get("errorCode");
      return code == null || !code.isTextual() ? null : code.asText();
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
