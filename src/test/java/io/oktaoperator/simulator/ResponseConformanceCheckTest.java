package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks that the spec lookup and the response check find the problems they exist for. */
class ResponseConformanceCheckTest {

  private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

  private static final String VALID_USER =
      "{\"id\":\"00u1\",\"status\":\"ACTIVE\",\"created\":\"2020-01-01T00:00:00.000Z\",\"activated\":null,"
          + "\"profile\":{\"login\":\"jane@example.com\",\"email\":\"jane@example.com\",\"firstName\":null},"
          + "\"_links\":{}}";

  private OktaOpenApiSpec spec;

  @BeforeEach
  void loadSpec() {
    spec = ResponseConformanceTest.requireSpec();
  }

  @Test
  void findOperationPrefersLiteralSegments() {
    assertEquals(Optional.of("listSupportedFactors"), operationId("GET", "/api/v1/users/00u1/factors/catalog"));
    assertEquals(Optional.of("getFactor"), operationId("GET", "/api/v1/users/00u1/factors/fac1"));
  }

  @Test
  void findOperationDecodesPathSegments() {
    assertEquals(Optional.of("suspendUser"), operationId("POST", "/api/v1/users/jane%40example.com/lifecycle/suspend"));
    assertEquals(Optional.empty(), operationId("PATCH", "/api/v1/users"));
  }

  @Test
  void validUserConforms() {
    assertEquals(List.of(), check("GET", "/api/v1/users/00u1", 200, JSON, VALID_USER));
  }

  @Test
  void invalidUserFieldsAreReported() {
    String body =
        "{\"id\":\"00u1\",\"status\":\"BOGUS\",\"created\":\"yesterday\","
            + "\"profile\":{\"login\":\"jane@example.com\",\"email\":\"not-an-email\"}}";

    List<String> problems = check("GET", "/api/v1/users/00u1", 200, JSON, body);

    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.stream().anyMatch(problem -> problem.startsWith("/status")), problems.toString());
    assertTrue(problems.stream().anyMatch(problem -> problem.startsWith("/created")), problems.toString());
    assertTrue(problems.stream().anyMatch(problem -> problem.startsWith("/profile/email")), problems.toString());
  }

  @Test
  void undeclaredStatusIsReported() {
    String body = "{\"errorCode\":\"E0000999\",\"errorSummary\":\"x\",\"errorLink\":\"E0000999\",\"errorId\":\"oae1\"}";

    List<String> problems = check("GET", "/api/v1/users/00u1", 418, JSON, body);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("not declared"), problems.get(0));
  }

  @Test
  void undeclaredButDocumentedStatusConforms() {
    String body =
        "{\"errorCode\":\"E0000011\",\"errorSummary\":\"Invalid token provided\",\"errorLink\":\"E0000011\","
            + "\"errorId\":\"oae1\",\"errorCauses\":[]}";

    assertEquals(List.of(), check("GET", "/api/v1/users/00u1", 401, JSON, body));
  }

  @Test
  void bodyWithoutDeclaredContentIsReported() {
    List<String> problems = check("POST", "/api/v1/users/00u1/lifecycle/deactivate", 200, JSON, "{}");

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("declares no body"), problems.get(0));
  }

  @Test
  void pathNotFoundOnSpecOperationIsReported() {
    String body =
        "{\"errorCode\":\"E0000008\",\"errorSummary\":\"The requested path was not found\",\"errorLink\":\"E0000008\","
            + "\"errorId\":\"oae1\",\"errorCauses\":[]}";

    List<String> problems = check("POST", "/api/v1/users/00u1/lifecycle/reset_password", 404, JSON, body);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("does not serve"), problems.get(0));
  }

  @Test
  void unknownPathMustGet404() {
    String body =
        "{\"errorCode\":\"E0000008\",\"errorSummary\":\"The requested path was not found\",\"errorLink\":\"E0000008\","
            + "\"errorId\":\"oae1\",\"errorCauses\":[]}";

    assertEquals(List.of(), check("GET", "/api/v1/nowhere", 404, JSON, body));
    assertEquals(1, check("GET", "/api/v1/nowhere", 200, JSON, body).size());
  }

  private Optional<String> operationId(String method, String path) {
    return spec.findOperation(method, path).map(OktaOpenApiSpec.Operation::operationId);
  }

  private List<String> check(String method, String path, int status, Map<String, List<String>> headers, String body) {
    return ResponseConformance.check(spec, new SentResponse(method, path, "", status, headers, body));
  }
}
