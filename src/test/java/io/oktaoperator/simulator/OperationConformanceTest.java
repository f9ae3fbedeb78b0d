package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs requests for each Users API operation, in success and error cases, and checks every
 * response against Okta's OpenAPI spec. The tables below name each operation by the spec's
 * {@code operationId}: an operation the simulator serves has a row in {@link #SCENARIOS}, one it
 * does not serve yet has a row in {@link #NOT_SIMULATED}. A test fails when an operation in
 * {@link #NOT_SIMULATED} starts being served, so that it moves to {@link #SCENARIOS}.
 */
class OperationConformanceTest {

  /** Requests that exercise one operation; setup requests may call other operations. */
  private interface Scenario {
    void run(SimulatorClient client, OktaSimulator simulator);
  }

  private static final String MISSING_ID = "00u0000000000000none";

  private static final Map<String, Scenario> SCENARIOS = new TreeMap<>();

  /** Users API operations the simulator does not serve yet, each with a request that invokes it. */
  private static final Map<String, String> NOT_SIMULATED = new TreeMap<>();

  static {
    SCENARIOS.put(
        "createUser",
        (client, simulator) -> {
          client.post("/api/v1/users", createBodyWithPassword("active@example.com"));
          client.post("/api/v1/users?activate=false", createBody("staged@example.com"));
          client.post("/api/v1/users", createBody("provisioned@example.com"));
          client.post("/api/v1/users", createBody("ACTIVE@example.com"));
          client.post("/api/v1/users", "{\"profile\":{\"login\":\"bad\"}}");
          client.post("/api/v1/users?activate=true&nextLogin=changePassword", createBody("nopassword@example.com"));
        });
    SCENARIOS.put(
        "listUsers",
        (client, simulator) -> {
          createActive(client, "first@example.com");
          createActive(client, "second@example.com");
          client.get("/api/v1/users");
          client.get("/api/v1/users?limit=1");
          client.get("/api/v1/users?search=status%20eq%20%22ACTIVE%22");
          client.get("/api/v1/users?filter=status%20eq%20%22STAGED%22");
          client.get("/api/v1/users?q=first");
          client.get("/api/v1/users?search=status%20eq");
        });
    SCENARIOS.put(
        "getUser",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          client.get("/api/v1/users/" + id);
          client.get("/api/v1/users/jane%40example.com");
          client.get("/api/v1/users/" + MISSING_ID);
        });
    SCENARIOS.put(
        "updateUser",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          createActive(client, "john@example.com");
          client.post("/api/v1/users/" + id, "{\"profile\":{\"title\":\"Engineer\"}}");
          client.post("/api/v1/users/" + id, "{\"profile\":{\"login\":\"john@example.com\"}}");
          client.post("/api/v1/users/" + MISSING_ID, "{\"profile\":{\"title\":\"Engineer\"}}");
        });
    SCENARIOS.put(
        "deleteUser",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          client.delete("/api/v1/users/" + id);
          client.delete("/api/v1/users/" + id);
          client.delete("/api/v1/users/" + id);
        });
    SCENARIOS.put(
        "activateUser",
        (client, simulator) -> {
          String staged = client.post("/api/v1/users?activate=false", createBody("a@example.com")).body().get("id").asText();
          String other = client.post("/api/v1/users?activate=false", createBody("b@example.com")).body().get("id").asText();
          client.post("/api/v1/users/" + staged + "/lifecycle/activate?sendEmail=false");
          client.post("/api/v1/users/" + other + "/lifecycle/activate");
          client.post("/api/v1/users/" + createActive(client, "c@example.com") + "/lifecycle/activate");
        });
    SCENARIOS.put(
        "reactivateUser",
        (client, simulator) -> {
          String provisioned = client.post("/api/v1/users", createBody("a@example.com")).body().get("id").asText();
          client.post("/api/v1/users/" + provisioned + "/lifecycle/reactivate?sendEmail=false");
          client.post("/api/v1/users/" + provisioned + "/lifecycle/reactivate?sendEmail=true");
          client.post("/api/v1/users/" + createActive(client, "b@example.com") + "/lifecycle/reactivate");
        });
    SCENARIOS.put(
        "deactivateUser",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          client.post("/api/v1/users/" + id + "/lifecycle/deactivate");
          client.post("/api/v1/users/" + id + "/lifecycle/deactivate");
          client.post("/api/v1/users/" + MISSING_ID + "/lifecycle/deactivate");
        });
    SCENARIOS.put(
        "suspendUser",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          client.post("/api/v1/users/" + id + "/lifecycle/suspend");
          client.post("/api/v1/users/" + id + "/lifecycle/suspend");
        });
    SCENARIOS.put(
        "unsuspendUser",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          client.post("/api/v1/users/" + id + "/lifecycle/unsuspend");
          client.post("/api/v1/users/" + id + "/lifecycle/suspend");
          client.post("/api/v1/users/" + id + "/lifecycle/unsuspend");
        });
    SCENARIOS.put(
        "unlockUser",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          simulator.outOfBand().lockOut(id);
          client.post("/api/v1/users/" + id + "/lifecycle/unlock");
          client.post("/api/v1/users/" + MISSING_ID + "/lifecycle/unlock");
        });

    SCENARIOS.put(
        "replaceUser",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          client.put("/api/v1/users/" + id, "{\"profile\":" + TestUsers.json(TestUsers.profile("jane@example.com")) + "}");
          client.put("/api/v1/users/" + MISSING_ID, "{\"profile\":" + TestUsers.json(TestUsers.profile("x@example.com")) + "}");
        });
    lifecycleScenario("expirePassword", "expire_password");
    lifecycleScenario("expirePasswordWithTempPassword", "expire_password_with_temp_password");
    lifecycleScenario("resetPassword", "reset_password?sendEmail=false");
    lifecycleScenario("resetFactors", "reset_factors");
    SCENARIOS.put(
        "forgotPassword",
        (client, simulator) -> {
          String id = createWithRecoveryQuestion(client, "jane@example.com");
          client.post("/api/v1/users/" + id + "/credentials/forgot_password?sendEmail=false");
          client.post("/api/v1/users/" + MISSING_ID + "/credentials/forgot_password?sendEmail=false");
        });
    SCENARIOS.put(
        "forgotPasswordSetNewPassword",
        (client, simulator) -> {
          String id = createWithRecoveryQuestion(client, "jane@example.com");
          client.post("/api/v1/users/" + id + "/credentials/forgot_password_recovery_question",
              "{\"password\":{\"value\":\"Fresh-Passw0rd-42\"},\"recovery_question\":{\"answer\":\"blue\"}}");
          client.post("/api/v1/users/" + id + "/credentials/forgot_password_recovery_question",
              "{\"password\":{\"value\":\"Fresh-Passw0rd-43\"},\"recovery_question\":{\"answer\":\"wrong\"}}");
        });
    SCENARIOS.put(
        "changePassword",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          client.post("/api/v1/users/" + id + "/credentials/change_password",
              "{\"oldPassword\":{\"value\":\"" + TestUsers.PASSWORD + "\"},\"newPassword\":{\"value\":\"Fresh-Passw0rd-44\"}}");
          client.post("/api/v1/users/" + id + "/credentials/change_password",
              "{\"oldPassword\":{\"value\":\"Not-The-Passw0rd\"},\"newPassword\":{\"value\":\"Fresh-Passw0rd-45\"}}");
        });
    SCENARIOS.put(
        "changeRecoveryQuestion",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          client.post("/api/v1/users/" + id + "/credentials/change_recovery_question",
              "{\"password\":{\"value\":\"" + TestUsers.PASSWORD + "\"},\"recovery_question\":{\"question\":\"Colour?\",\"answer\":\"green\"}}");
          client.post("/api/v1/users/" + MISSING_ID + "/credentials/change_recovery_question",
              "{\"password\":{\"value\":\"x\"},\"recovery_question\":{\"question\":\"Colour?\",\"answer\":\"green\"}}");
        });
    SCENARIOS.put(
        "revokeUserSessions",
        (client, simulator) -> {
          client.delete("/api/v1/users/" + createActive(client, "jane@example.com") + "/sessions");
          client.delete("/api/v1/users/" + MISSING_ID + "/sessions");
        });
    SCENARIOS.put(
        "listAssignedRolesForUser",
        (client, simulator) -> {
          String id = createActive(client, "jane@example.com");
          simulator.outOfBand().assignAdminRole(id, "USER_ADMIN");
          client.get("/api/v1/users/" + id + "/roles");
          client.get("/api/v1/users/" + MISSING_ID + "/roles");
        });
  }

  private OktaOpenApiSpec spec;
  private OktaSimulator simulator;
  private SimulatorClient client;
  private final List<SentResponse> responses = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    spec = ResponseConformanceTest.requireSpec();
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").build());
    simulator.addResponseListener(responses::add);
    client = new SimulatorClient(simulator);
  }

  @AfterEach
  void stop() {
    // Null when start() was aborted because the spec is missing.
    if (simulator != null) {
      simulator.close();
    }
  }

  static Stream<String> simulatedOperations() {
    return SCENARIOS.keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("simulatedOperations")
  void operationResponsesMatchSpec(String operationId) {
    assertTrue(spec.operation(operationId).isPresent(), "the spec has no operation " + operationId);

    SCENARIOS.get(operationId).run(client, simulator);

    Set<Integer> statuses =
        responses.stream()
            .filter(response -> invokedOperation(response).equals(Optional.of(operationId)))
            .map(SentResponse::status)
            .collect(Collectors.toCollection(TreeSet::new));
    assertFalse(statuses.isEmpty(), "the scenario sent no request that the spec maps to " + operationId);
    assertTrue(statuses.stream().anyMatch(status -> status < 300), "no successful response: " + statuses);
    assertTrue(statuses.stream().anyMatch(status -> status >= 400), "no error response: " + statuses);
    String report = ResponseConformance.report(spec, responses);
    assertTrue(report.isEmpty(), () -> operationId + " responses that do not match the spec:" + report);
  }

  @Test
  void unsimulatedOperationsAreNotServed() {
    // These responses report that an operation is not served, which the spec cannot describe, so
    // this test uses its own simulator and a client that does not attach it to ResponseCapture.
    try (OktaSimulator probed = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").build())) {
      probeUnsimulatedOperations(new SimulatorClient(probed.baseUrl(), "SSWS test-token"));
    }
  }

  private void probeUnsimulatedOperations(SimulatorClient client) {
    String id = createActive(client, "jane@example.com");
    List<String> nowServed = new ArrayList<>();

    NOT_SIMULATED.forEach(
        (operationId, request) -> {
          String[] methodAndTarget = request.split(" ", 2);
          String target = methodAndTarget[1].replace("{id}", id);
          String body = methodAndTarget[0].equals("DELETE") ? null : "{}";
          SimulatorClient.Response response = client.send(methodAndTarget[0], target, body, Map.of());
          String path = target.split("\\?", 2)[0];
          assertEquals(
              Optional.of(operationId),
              spec.findOperation(methodAndTarget[0], path).map(OktaOpenApiSpec.Operation::operationId),
              "the request for " + operationId + " invokes another operation of the spec");
          String errorCode = response.body() == null ? null : response.body().path("errorCode").asText(null);
          if (!"E0000008".equals(errorCode) && !"E0000022".equals(errorCode)) {
            nowServed.add(operationId + " (" + response.status() + ")");
          }
        });

    assertTrue(
        nowServed.isEmpty(),
        "The simulator now serves "
            + nowServed
            + ": move each from NOT_SIMULATED to SCENARIOS, with requests for its success and error cases");
  }

  private Optional<String> invokedOperation(SentResponse response) {
    return spec.findOperation(response.method(), response.path()).map(OktaOpenApiSpec.Operation::operationId);
  }

  private static void lifecycleScenario(String operationId, String operationAndQuery) {
    SCENARIOS.put(
        operationId,
        (client, simulator) -> {
          client.post("/api/v1/users/" + createActive(client, "jane@example.com") + "/lifecycle/" + operationAndQuery);
          client.post("/api/v1/users/" + MISSING_ID + "/lifecycle/" + operationAndQuery);
        });
  }

  private static String createWithRecoveryQuestion(SimulatorClient client, String login) {
    String body = "{\"profile\":" + TestUsers.json(TestUsers.profile(login))
        + ",\"credentials\":{\"password\":{\"value\":\"" + TestUsers.PASSWORD
        + "\"},\"recovery_question\":{\"question\":\"Colour?\",\"answer\":\"blue\"}}}";
    return client.post("/api/v1/users", body).body().get("id").asText();
  }

  private static String createActive(SimulatorClient client, String login) {
    return client.post("/api/v1/users", createBodyWithPassword(login)).body().get("id").asText();
  }
}
