package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateUserTest {

  private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
  private OktaSimulator simulator;
  private SimulatorClient client;

  @BeforeEach
  void start() {
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").clock(clock).build());
    client = new SimulatorClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void partialUpdateKeepsUnsentAttributes() {
    String id = createUser("jane.doe@example.com", "{\"department\":\"Engineering\",\"title\":\"Engineer\"}");

    SimulatorClient.Response response =
        client.post("/api/v1/users/" + id, "{\"profile\":{\"title\":\"Staff Engineer\"}}");

    assertEquals(200, response.status());
    JsonNode profile = response.body().get("profile");
    assertEquals("Staff Engineer", profile.get("title").asText());
    assertEquals("Engineering", profile.get("department").asText());
    assertEquals("jane.doe@example.com", profile.get("login").asText());
    assertEquals("First", profile.get("firstName").asText());
    assertEquals("Staff Engineer", simulator.findUser(id).orElseThrow().profile().get("title"));
  }

  @Test
  void nullClearsAttribute() {
    String id = createUser("jane.doe@example.com", "{\"department\":\"Engineering\",\"title\":\"Engineer\"}");

    JsonNode profile = client.post("/api/v1/users/" + id, "{\"profile\":{\"department\":null}}").body().get("profile");

    assertFalse(simulator.findUser(id).orElseThrow().profile().containsKey("department"));
    assertFalse(profile.has("department"));
    assertEquals("Engineer", profile.get("title").asText());
  }

  @Test
  void customAttributeTypesSurviveUpdate() {
    String id = createUser("jane.doe@example.com", "{}");

    JsonNode profile =
        client
            .post("/api/v1/users/" + id, "{\"profile\":{\"badge\":42,\"remote\":true,\"teams\":[\"a\",\"b\"]}}")
            .body()
            .get("profile");

    assertEquals(42, profile.get("badge").asInt());
    assertTrue(profile.get("remote").asBoolean());
    assertEquals(2, profile.get("teams").size());
  }

  @Test
  void passwordUpdateSetsPasswordAndPasswordChanged() {
    String id = createUser("jane.doe@example.com", "{}");
    clock.advance(Duration.ofMinutes(5));

    JsonNode user =
        client
            .post(
                "/api/v1/users/" + id,
                "{\"credentials\":{\"password\":{\"value\":\"" + TestUsers.PASSWORD + "\"}}}")
            .body();

    assertEquals("2026-03-01T10:05:00.000Z", user.get("passwordChanged").asText());
    assertEquals("2026-03-01T10:05:00.000Z", user.get("lastUpdated").asText());
    assertEquals(0, user.get("credentials").get("password").size());
    assertTrue(simulator.findUser(id).orElseThrow().hasPassword());
    assertEquals("PROVISIONED", user.get("status").asText());
  }

  @Test
  void unchangedUpdateKeepsLastUpdated() {
    String id = createUser("jane.doe@example.com", "{\"title\":\"Engineer\"}");
    Instant before = simulator.findUser(id).orElseThrow().lastUpdated();
    clock.advance(Duration.ofMinutes(5));

    client.post("/api/v1/users/" + id, "{\"profile\":{\"title\":\"Engineer\"}}");

    assertEquals(before, simulator.findUser(id).orElseThrow().lastUpdated());
  }

  @Test
  void renameToTakenLoginIsRejected() {
    createUser("taken@example.com", "{}");
    String id = createUser("jane.doe@example.com", "{}");

    SimulatorClient.Response response =
        client.post("/api/v1/users/" + id, "{\"profile\":{\"login\":\"TAKEN@example.com\"}}");

    assertEquals(400, response.status());
    assertEquals("Api validation failed: login", response.body().get("errorSummary").asText());
    assertEquals(
        "login: An object with this field already exists in the current organization",
        response.body().get("errorCauses").get(0).get("errorSummary").asText());
    assertEquals("jane.doe@example.com", simulator.findUser(id).orElseThrow().login());
  }

  @Test
  void renameFreesOldLoginAndClaimsNewOne() {
    String id = createUser("jane.doe@example.com", "{}");

    SimulatorClient.Response rename =
        client.post("/api/v1/users/" + id, "{\"profile\":{\"login\":\"jane.smith@example.com\"}}");

    assertEquals(200, rename.status());
    assertEquals(id, client.get("/api/v1/users/jane.smith@example.com").body().get("id").asText());
    assertEquals(404, client.get("/api/v1/users/jane.doe@example.com").status());
    assertEquals(200, client.post("/api/v1/users", createBody("jane.doe@example.com")).status());
  }

  @Test
  void renameToOwnLoginInOtherCaseIsAllowed() {
    String id = createUser("jane.doe@example.com", "{}");

    SimulatorClient.Response response =
        client.post("/api/v1/users/" + id, "{\"profile\":{\"login\":\"Jane.Doe@example.com\"}}");

    assertEquals(200, response.status());
    assertEquals("Jane.Doe@example.com", response.body().get("profile").get("login").asText());
  }

  @Test
  void clearingRequiredAttributeIsRejected() {
    String id = createUser("jane.doe@example.com", "{}");

    SimulatorClient.Response response = client.post("/api/v1/users/" + id, "{\"profile\":{\"email\":null}}");

    assertEquals(400, response.status());
    assertEquals(
        "email: The field cannot be left blank", response.body().get("errorCauses").get(0).get("errorSummary").asText());
    assertEquals("jane.doe@example.com", simulator.findUser(id).orElseThrow().profile().get("email"));
  }

  @Test
  void deprovisionedUserCannotBeUpdated() {
    String id = createUser("jane.doe@example.com", "{}");
    client.post("/api/v1/users/" + id + "/lifecycle/deactivate");

    SimulatorClient.Response response = client.post("/api/v1/users/" + id, "{\"profile\":{\"title\":\"Gone\"}}");

    assertEquals(403, response.status());
    assertEquals("E0000038", response.body().get("errorCode").asText());
  }

  @Test
  void updateOfUnknownUserGives404() {
    SimulatorClient.Response response =
        client.post("/api/v1/users/00uMissingMissing123", "{\"profile\":{\"title\":\"x\"}}");

    assertEquals(404, response.status());
    assertEquals(
        "Not found: Resource not found: 00uMissingMissing123 (User)", response.body().get("errorSummary").asText());
  }

  @Test
  void typeChangeIsRejected() {
    String id = createUser("jane.doe@example.com", "{}");

    SimulatorClient.Response response = client.post("/api/v1/users/" + id, "{\"type\":{\"id\":\"otyOther\"}}");

    assertEquals(400, response.status());
    assertEquals("E0000001", response.body().get("errorCode").asText());
  }

  @Test
  void recoveryQuestionUpdateKeepsAnswerSecret() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    JsonNode credentials =
        client
            .post(
                "/api/v1/users/" + id,
                "{\"credentials\":{\"recovery_question\":{\"question\":\"First pet?\",\"answer\":\"Rex the dog\"}}}")
            .body()
            .get("credentials");

    assertEquals("First pet?", credentials.get("recovery_question").get("question").asText());
    assertFalse(credentials.get("recovery_question").has("answer"));
  }

  private String createUser(String login, String extraProfileJson) {
    String profile = TestUsers.json(TestUsers.profile(login));
    String merged = extraProfileJson.equals("{}") ? profile : profile.substring(0, profile.length() - 1) + "," + extraProfileJson.substring(1);
    SimulatorClient.Response response = client.post("/api/v1/users", "{\"profile\":" + merged + "}");
    assertEquals(200, response.status(), response.rawBody());
    return response.body().get("id").asText();
  }
}
