package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API under /__simulator, driven over HTTP without a token. */
class AdminApiTest {

  private OktaSimulator simulator;
  private SimulatorClient client;
  private SimulatorClient admin;

  @BeforeEach
  void start() {
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").build());
    client = new SimulatorClient(simulator);
    admin = client.withAuthorization(null);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void scriptedDropAfterSuccessOverHttp() {
    SimulatorClient.Response scripted =
        admin.post(
            "/__simulator/faults/next-request",
            "{\"method\":\"POST\",\"path\":\"/api/v1/users\",\"action\":\"succeed-then-drop-connection\"}");

    assertEquals(200, scripted.status(), scripted.rawBody());
    assertEquals("succeed-then-drop-connection", scripted.body().at("/nextRequest/0/action").asText());
    assertThrows(UncheckedIOException.class, () -> client.post("/api/v1/users", createBody("jane.doe@example.com")));
    assertTrue(simulator.findUser("jane.doe@example.com").isPresent());
    assertEquals(0, simulator.faults().pendingScriptedFaults());
  }

  @Test
  void scriptedErrorWithStatusAndCode() {
    admin.post(
        "/__simulator/faults/next-request",
        "{\"method\":\"GET\",\"path\":\"/api/v1/users/*\",\"action\":\"error\",\"status\":403,"
            + "\"errorCode\":\"E0000006\",\"errorSummary\":\"You do not have permission to perform the requested action\"}");

    SimulatorClient.Response response = client.get("/api/v1/users/jane.doe@example.com");

    assertEquals(403, response.status());
    assertEquals("E0000006", response.body().get("errorCode").asText());
  }

  @Test
  void faultSettingsCanBeSetReadAndCleared() {
    assertEquals(200, admin.put("/__simulator/faults/latency", "{\"fixedMillis\":5,\"jitterMillis\":2}").status());
    assertEquals(200, admin.put("/__simulator/faults/server-errors", "{\"rate\":0.25}").status());
    assertEquals(200, admin.put("/__simulator/faults/timeouts", "{\"rate\":0.0,\"holdMillis\":30000}").status());
    assertEquals(200, admin.put("/__simulator/faults/rate-limits", "{\"bucket\":\"user_read\",\"requestsPerMinute\":3}").status());
    assertEquals(200, admin.put("/__simulator/faults/seed", "{\"seed\":9}").status());

    JsonNode settings = admin.get("/__simulator/faults").body();
    int cleared = admin.delete("/__simulator/faults").status();
    JsonNode afterClear = admin.get("/__simulator/faults").body();

    assertEquals(5, settings.get("latencyMillis").asInt());
    assertEquals(2, settings.get("latencyJitterMillis").asInt());
    assertEquals(0.25, settings.get("serverErrorRate").asDouble());
    assertEquals(30000, settings.get("timeoutHoldMillis").asInt());
    assertEquals(3, settings.at("/rateLimitOverrides/USER_READ").asInt());
    assertEquals(204, cleared);
    assertEquals(0, afterClear.get("latencyMillis").asInt());
    assertEquals(0.0, afterClear.get("serverErrorRate").asDouble());
    assertEquals(0, afterClear.get("rateLimitOverrides").size());
  }

  @Test
  void forcedRateLimitOverHttp() {
    admin.put("/__simulator/faults/rate-limited", "{\"requests\":1}");

    assertEquals(429, client.get("/api/v1/users").status());
    assertEquals(200, client.get("/api/v1/users").status());
  }

  @Test
  void requestLogOverHttpLeavesAdminRequestsOut() {
    client.get("/api/v1/users?limit=5");

    JsonNode log = admin.get("/__simulator/requests").body();
    int cleared = admin.delete("/__simulator/requests").status();

    assertEquals(1, log.size());
    assertEquals("GET", log.at("/0/method").asText());
    assertEquals("/api/v1/users", log.at("/0/path").asText());
    assertEquals("limit=5", log.at("/0/query").asText());
    assertEquals(200, log.at("/0/status").asInt());
    assertEquals(204, cleared);
    assertEquals(List.of(), simulator.requestLog());
  }

  @Test
  void outOfBandChangesOverHttp() {
    SimulatorClient.Response created =
        admin.post("/__simulator/users", "{\"profile\":" + TestUsers.json(TestUsers.profile("jane.doe@example.com")) + ",\"status\":\"ACTIVE\"}");
    String id = created.body().get("id").asText();

    SimulatorClient.Response locked = admin.post("/__simulator/users/" + id + "/lock-out");
    SimulatorClient.Response unlocked = admin.post("/__simulator/users/jane.doe@example.com/auto-unlock");
    SimulatorClient.Response renamed = admin.put("/__simulator/users/" + id + "/profile/city", "\"Lisbon\"");
    SimulatorClient.Response expired = admin.post("/__simulator/users/" + id + "/expire-password");

    assertEquals(200, created.status(), created.rawBody());
    assertEquals("LOCKED_OUT", locked.body().get("status").asText());
    assertEquals("ACTIVE", unlocked.body().get("status").asText());
    assertEquals("Lisbon", renamed.body().at("/profile/city").asText());
    assertEquals("PASSWORD_EXPIRED", expired.body().get("status").asText());
    assertEquals("PASSWORD_EXPIRED", client.get("/api/v1/users/" + id).body().get("status").asText());
    assertEquals(1, admin.get("/__simulator/users").body().size());
    assertEquals(204, admin.delete("/__simulator/users/" + id).status());
    assertEquals(404, client.get("/api/v1/users/" + id).status());
  }

  @Test
  void adminRoleAssignedAndRemovedOverHttp() {
    String id = simulator.outOfBand().createUser(TestUsers.profile("jane.doe@example.com"), "ACTIVE").id();

    SimulatorClient.Response assigned = admin.post("/__simulator/users/" + id + "/roles", "{\"type\":\"SUPER_ADMIN\"}");
    String assignmentId = assigned.body().get("id").asText();
    int removed = admin.delete("/__simulator/users/" + id + "/roles/" + assignmentId).status();

    assertEquals(200, assigned.status(), assigned.rawBody());
    assertEquals("Super Administrator", assigned.body().get("label").asText());
    assertTrue(assignmentId.matches("ra1[0-9A-Za-z]{17}"), assignmentId);
    assertEquals(204, removed);
  }

  @Test
  void invalidRequestsGetStatusAndMessage() {
    String id = simulator.outOfBand().createUser(TestUsers.profile("jane.doe@example.com"), "STAGED").id();

    SimulatorClient.Response wrongStatus = admin.post("/__simulator/users/" + id + "/suspend");
    SimulatorClient.Response unknownUser = admin.post("/__simulator/users/nobody@example.com/suspend");
    SimulatorClient.Response unknownAction =
        admin.post("/__simulator/faults/next-request", "{\"path\":\"/api/v1/users\",\"action\":\"explode\"}");
    SimulatorClient.Response badJson = admin.put("/__simulator/faults/server-errors", "{rate");
    SimulatorClient.Response badRate = admin.put("/__simulator/faults/server-errors", "{\"rate\":2}");
    SimulatorClient.Response wrongMethod = admin.get("/__simulator/faults/latency");
    SimulatorClient.Response unknownPath = admin.get("/__simulator/nothing");

    assertEquals(409, wrongStatus.status());
    assertTrue(wrongStatus.body().get("message").asText().contains("STAGED"), wrongStatus.rawBody());
    assertEquals(404, unknownUser.status());
    assertEquals(400, unknownAction.status());
    assertTrue(unknownAction.body().get("message").asText().contains("succeed-then-drop-connection"));
    assertEquals(400, badJson.status());
    assertEquals(400, badRate.status());
    assertEquals(405, wrongMethod.status());
    assertEquals(404, unknownPath.status());
  }

  @Test
  void asyncTransitionDelayOverHttp() {
    int status = admin.put("/__simulator/async-transition-delay", "{\"millis\":3600000}").status();
    String id = client.post("/api/v1/users", TestUsers.createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    assertEquals(204, status);
    assertEquals("ACTIVE", simulator.findUser(id).orElseThrow().transitioningToStatus());
  }

  @Test
  void stateSnapshotOverHttp() {
    client.post("/api/v1/users", TestUsers.createBodyWithPassword("jane.doe@example.com"));

    SimulatorClient.Response state = admin.get("/__simulator/state");

    assertEquals(200, state.status());
    assertEquals(1, state.body().get("version").asInt());
    assertEquals("jane.doe@example.com", state.body().at("/users/0/profile/login").asText());
    assertEquals("ACTIVE", state.body().at("/users/0/status").asText());
    assertEquals(TestUsers.PASSWORD, state.body().at("/users/0/password").asText());
  }

  @Test
  void stateFileRoundTripKeepsUsersAndRoles(@TempDir Path directory) {
    String id = client.post("/api/v1/users", TestUsers.createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();
    simulator.outOfBand().assignAdminRole(id, "USER_ADMIN");
    client.post("/api/v1/users/" + id, "{\"profile\":{\"city\":\"Lisbon\"}}");
    Path file = directory.resolve("state.json");

    simulator.exportState(file);
    try (OktaSimulator restored = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").build())) {
      int count = restored.importState(file);
      SimulatedUser before = simulator.findUser(id).orElseThrow();
      SimulatedUser after = restored.findUser(id).orElseThrow();
      SimulatorClient restoredClient = new SimulatorClient(restored);

      assertEquals(1, count);
      assertEquals(before, after);
      assertEquals("USER_ADMIN", restoredClient.get("/api/v1/users/" + id + "/roles").body().at("/0/type").asText());
      assertThrows(IllegalArgumentException.class, () -> restored.importState(file), "users exist already");
    }
  }
}
