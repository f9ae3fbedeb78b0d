package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateUserTest {

  private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  private OktaSimulator simulator;
  private SimulatorClient client;

  @BeforeEach
  void start() {
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").build());
    client = new SimulatorClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void createWithPasswordAndActivateIsActive() {
    SimulatorClient.Response response = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com"));

    assertEquals(200, response.status());
    assertEquals("ACTIVE", response.body().get("status").asText());
    assertTrue(response.body().get("transitioningToStatus").isNull());
    assertTrue(response.body().get("activated").isTextual());
    assertTrue(response.body().get("passwordChanged").isTextual());
  }

  @Test
  void createWithoutCredentialsIsProvisioned() {
    SimulatorClient.Response response = client.post("/api/v1/users", createBody("jane.doe@example.com"));

    assertEquals(200, response.status());
    assertEquals("PROVISIONED", response.body().get("status").asText());
    assertTrue(response.body().get("activated").isNull());
    assertTrue(response.body().get("passwordChanged").isNull());
    assertFalse(response.body().get("credentials").has("password"));
  }

  @Test
  void createWithActivateFalseIsStaged() {
    SimulatorClient.Response withoutPassword =
        client.post("/api/v1/users?activate=false", createBody("jane.doe@example.com"));
    SimulatorClient.Response withPassword =
        client.post("/api/v1/users?activate=false", createBodyWithPassword("john.doe@example.com"));

    assertEquals("STAGED", withoutPassword.body().get("status").asText());
    assertEquals("STAGED", withPassword.body().get("status").asText());
    assertTrue(withPassword.body().get("activated").isNull());
    assertTrue(withPassword.body().get("statusChanged").isNull());
    assertTrue(withPassword.body().get("passwordChanged").isTextual());
  }

  @Test
  void createReturnsUserInOktaShape() {
    String body =
        "{\"profile\":"
            + TestUsers.json(TestUsers.profile("jane.doe@example.com"))
            + ",\"credentials\":{\"password\":{\"value\":\""
            + TestUsers.PASSWORD
            + "\"},\"recovery_question\":{\"question\":\"Favourite colour?\",\"answer\":\"teal\"}}}";

    SimulatorClient.Response response = client.post("/api/v1/users", body);

    JsonNode user = response.body();
    String id = user.get("id").asText();
    assertTrue(id.matches("00u[0-9A-Za-z]{17}"), id);
    for (String field : List.of("created", "activated", "statusChanged", "lastUpdated", "passwordChanged")) {
      assertTrue(user.get(field).asText().matches(TIMESTAMP), field + ": " + user.get(field));
    }
    assertTrue(user.has("lastLogin"));
    assertTrue(user.get("lastLogin").isNull());
    assertTrue(user.get("type").get("id").asText().startsWith("oty"));
    assertEquals("jane.doe@example.com", user.get("profile").get("login").asText());
    assertTrue(user.get("profile").get("mobilePhone").isNull());
    JsonNode credentials = user.get("credentials");
    assertEquals(0, credentials.get("password").size());
    assertEquals("Favourite colour?", credentials.get("recovery_question").get("question").asText());
    assertFalse(credentials.get("recovery_question").has("answer"));
    assertEquals("OKTA", credentials.get("provider").get("type").asText());
    assertEquals("OKTA", credentials.get("provider").get("name").asText());
    assertEquals(
        simulator.baseUrl() + "/api/v1/users/" + id, user.get("_links").get("self").get("href").asText());
    assertEquals("application/json", response.header("Content-Type"));
  }

  @Test
  void createdUserIsStoredAsSnapshot() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    SimulatedUser user = simulator.findUser(id).orElseThrow();

    assertEquals("ACTIVE", user.status());
    assertTrue(user.hasPassword());
    assertEquals("jane.doe@example.com", user.login());
    assertEquals(user.created(), user.lastUpdated());
  }

  @Test
  void duplicateLoginInOtherCaseIsRejected() {
    client.post("/api/v1/users", createBody("Isaac.Brock@example.com"));

    SimulatorClient.Response response = client.post("/api/v1/users", createBody("isaac.brock@EXAMPLE.com"));

    assertEquals(400, response.status());
    JsonNode error = response.body();
    assertEquals("E0000001", error.get("errorCode").asText());
    assertEquals("Api validation failed: login", error.get("errorSummary").asText());
    assertEquals("E0000001", error.get("errorLink").asText());
    assertTrue(error.get("errorId").asText().startsWith("oae"));
    assertEquals(1, error.get("errorCauses").size());
    assertEquals(
        "login: An object with this field already exists in the current organization",
        error.get("errorCauses").get(0).get("errorSummary").asText());
    assertEquals(1, simulator.users().size());
  }

  @Test
  void duplicateLoginWithDiacriticsIsRejected() {
    client.post("/api/v1/users", createBody("isaac.brock@example.com"));

    SimulatorClient.Response response = client.post("/api/v1/users", createBody("Isáàc.Bröck@example.com"));

    assertEquals(400, response.status());
    assertEquals("Api validation failed: login", response.body().get("errorSummary").asText());
  }

  @Test
  void deprovisionedUserKeepsItsLogin() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();
    assertEquals(204, client.delete("/api/v1/users/" + id).status());

    SimulatorClient.Response response = client.post("/api/v1/users", createBody("jane.doe@example.com"));

    assertEquals(400, response.status());
    assertEquals("E0000001", response.body().get("errorCode").asText());
  }

  @Test
  void deletedUserFreesItsLogin() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();
    client.delete("/api/v1/users/" + id);
    client.delete("/api/v1/users/" + id);

    SimulatorClient.Response response = client.post("/api/v1/users", createBody("jane.doe@example.com"));

    assertEquals(200, response.status());
  }

  @Test
  void missingRequiredAttributesGiveOneCauseEach() {
    SimulatorClient.Response response =
        client.post("/api/v1/users", "{\"profile\":{\"login\":\"jane.doe@example.com\",\"lastName\":\" \"}}");

    assertEquals(400, response.status());
    assertEquals("E0000001", response.body().get("errorCode").asText());
    assertEquals("Api validation failed: firstName", response.body().get("errorSummary").asText());
    assertEquals(
        List.of(
            "firstName: The field cannot be left blank",
            "lastName: The field cannot be left blank",
            "email: The field cannot be left blank"),
        causes(response));
    assertTrue(simulator.users().isEmpty());
  }

  @Test
  void missingProfileNamesEveryRequiredAttribute() {
    SimulatorClient.Response response = client.post("/api/v1/users", "{}");

    assertEquals(400, response.status());
    assertEquals("Api validation failed: login", response.body().get("errorSummary").asText());
    assertEquals(4, causes(response).size());
  }

  @Test
  void loginThatIsNotAnEmailAddressIsRejected() {
    Map<String, Object> profile = TestUsers.profile("jane.doe@example.com");
    profile.put("login", "jane.doe");

    SimulatorClient.Response response = client.post("/api/v1/users", "{\"profile\":" + TestUsers.json(profile) + "}");

    assertEquals(400, response.status());
    assertEquals(List.of("login: Username must be in the form of an email address"), causes(response));
  }

  @Test
  void eachInvalidFieldGivesOneCause() {
    Map<String, Object> profile = TestUsers.profile("jane.doe@example.com");
    profile.put("login", "j".repeat(90) + "@example.com");
    profile.put("email", "not-an-email");
    profile.put("firstName", "");

    SimulatorClient.Response response = client.post("/api/v1/users", "{\"profile\":" + TestUsers.json(profile) + "}");

    assertEquals(400, response.status());
    assertEquals("E0000001", response.body().get("errorCode").asText());
    assertEquals("E0000001", response.body().get("errorLink").asText());
    assertEquals(
        List.of(
            "firstName: The field cannot be left blank",
            "login: size must be between 5 and 100",
            "email: Does not match required pattern"),
        causes(response));
    assertTrue(simulator.users().isEmpty());
  }

  @Test
  void fourByteCharacterIsRejected() {
    Map<String, Object> profile = TestUsers.profile("jane.doe@example.com");
    profile.put("nickName", "Jane \uD83D\uDE00");

    SimulatorClient.Response response = client.post("/api/v1/users", "{\"profile\":" + TestUsers.json(profile) + "}");

    assertEquals(400, response.status());
    assertEquals("Api validation failed: nickName", response.body().get("errorSummary").asText());
  }

  @Test
  void malformedJsonGives400() {
    SimulatorClient.Response response = client.post("/api/v1/users", "{\"profile\": {");

    assertEquals(400, response.status());
    assertEquals("E0000003", response.body().get("errorCode").asText());
    assertEquals("The request body was not well-formed.", response.body().get("errorSummary").asText());
  }

  @Test
  void nonObjectBodyGives400() {
    SimulatorClient.Response response = client.post("/api/v1/users", "[1,2]");

    assertEquals(400, response.status());
    assertEquals("E0000003", response.body().get("errorCode").asText());
  }

  @Test
  void weakPasswordIsRejected() {
    String body =
        "{\"profile\":"
            + TestUsers.json(TestUsers.profile("jane.doe@example.com"))
            + ",\"credentials\":{\"password\":{\"value\":\"short\"}}}";

    SimulatorClient.Response response = client.post("/api/v1/users", body);

    assertEquals(400, response.status());
    assertEquals("Api validation failed: password", response.body().get("errorSummary").asText());
    assertEquals(
        List.of(
            "password: Passwords must be at least 8 characters in length",
            "password: Password requirements: at least 0 characters, an uppercase letter.",
            "password: Password requirements: at least 0 characters, a number."),
        causes(response));
  }

  @Test
  void passwordContainingUsernameIsRejected() {
    String body =
        "{\"profile\":"
            + TestUsers.json(TestUsers.profile("marvin.gaye@example.com"))
            + ",\"credentials\":{\"password\":{\"value\":\"Marvin-Rocks-1\"}}}";

    SimulatorClient.Response response = client.post("/api/v1/users", body);

    assertEquals(400, response.status());
    assertEquals(
        List.of("password: Password requirements: at least 0 characters, no parts of your username."),
        causes(response));
  }

  @Test
  void nextLoginChangePasswordExpiresPassword() {
    SimulatorClient.Response response =
        client.post("/api/v1/users?nextLogin=changePassword", createBodyWithPassword("jane.doe@example.com"));

    assertEquals(200, response.status());
    assertEquals("PASSWORD_EXPIRED", response.body().get("status").asText());
  }

  @Test
  void nextLoginWithoutPasswordIsRejected() {
    SimulatorClient.Response response =
        client.post("/api/v1/users?nextLogin=changePassword", createBody("jane.doe@example.com"));

    assertEquals(400, response.status());
    assertEquals("E0000124", response.body().get("errorCode").asText());
  }

  @Test
  void nextLoginWithActivateFalseIsRejected() {
    SimulatorClient.Response response =
        client.post(
            "/api/v1/users?activate=false&nextLogin=changePassword", createBodyWithPassword("jane.doe@example.com"));

    assertEquals(400, response.status());
    assertEquals("E0000125", response.body().get("errorCode").asText());
  }

  @Test
  void moreThanTwentyGroupIdsAreRejected() {
    List<String> groupIds = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      groupIds.add("00g" + i);
    }
    String body =
        "{\"profile\":" + TestUsers.json(TestUsers.profile("jane.doe@example.com")) + ",\"groupIds\":"
            + TestUsers.json(groupIds) + "}";

    SimulatorClient.Response response = client.post("/api/v1/users", body);

    assertEquals(400, response.status());
    assertEquals("E0000093", response.body().get("errorCode").asText());
  }

  @Test
  void invalidPasswordHashGivesOneCauseEach() {
    String body =
        "{\"profile\":"
            + TestUsers.json(TestUsers.profile("jane.doe@example.com"))
            + ",\"credentials\":{\"password\":{\"hash\":{\"algorithm\":\"BCRYPT\",\"workFactor\":25,\"salt\":\"short\"}}}}";

    SimulatorClient.Response response = client.post("/api/v1/users", body);

    assertEquals(400, response.status());
    assertEquals("E0000001", response.body().get("errorCode").asText());
    assertEquals(
        List.of(
            "password.hash.value: The field cannot be left blank",
            "password.hash.workFactor: Must be between 1 and 20 for BCRYPT",
            "password.hash.salt: Must be 22 characters for BCRYPT"),
        causes(response));
    assertTrue(simulator.users().isEmpty());
  }

  @Test
  void pbkdf2HashNeedsIterationsAndDigest() {
    String body =
        "{\"profile\":"
            + TestUsers.json(TestUsers.profile("jane.doe@example.com"))
            + ",\"credentials\":{\"password\":{\"hash\":{\"algorithm\":\"PBKDF2\",\"value\":\"abc=\",\"iterationCount\":1000}}}}";
    String valid = body.replace("\"iterationCount\":1000", "\"iterationCount\":4096,\"keySize\":32,\"digestAlgorithm\":\"SHA256_HMAC\"");

    SimulatorClient.Response response = client.post("/api/v1/users", body);
    SimulatorClient.Response accepted = client.post("/api/v1/users", valid);

    assertEquals(400, response.status());
    assertEquals(3, causes(response).size(), response.rawBody());
    assertEquals(200, accepted.status(), accepted.rawBody());
    assertEquals("IMPORT", accepted.body().at("/credentials/provider/type").asText());
  }

  @Test
  void federatedUserCannotHavePassword() {
    String profile = TestUsers.json(TestUsers.profile("jane.doe@example.com"));
    String withPassword =
        "{\"profile\":" + profile + ",\"credentials\":{\"provider\":{\"type\":\"SOCIAL\",\"name\":\"SOCIAL\"},"
            + "\"password\":{\"value\":\"" + TestUsers.PASSWORD + "\"}}}";
    String unknownType = "{\"profile\":" + profile + ",\"credentials\":{\"provider\":{\"type\":\"MAGIC\"}}}";

    SimulatorClient.Response rejected = client.post("/api/v1/users?provider=true", withPassword);
    SimulatorClient.Response unknown = client.post("/api/v1/users?provider=true", unknownType);

    assertEquals(400, rejected.status());
    assertEquals("E0000001", rejected.body().get("errorCode").asText());
    assertTrue(causes(rejected).get(0).startsWith("credentials:"), causes(rejected).toString());
    assertEquals(400, unknown.status());
    assertTrue(causes(unknown).get(0).startsWith("provider.type:"), causes(unknown).toString());
    assertTrue(simulator.users().isEmpty());
  }

  @Test
  void passwordHookMustBeDefault() {
    String profile = TestUsers.json(TestUsers.profile("jane.doe@example.com"));

    SimulatorClient.Response rejected =
        client.post("/api/v1/users", "{\"profile\":" + profile + ",\"credentials\":{\"password\":{\"hook\":{\"type\":\"custom\"}}}}");
    SimulatorClient.Response accepted =
        client.post("/api/v1/users", "{\"profile\":" + profile + ",\"credentials\":{\"password\":{\"hook\":{\"type\":\"default\"}}}}");

    assertEquals(400, rejected.status());
    assertEquals("E0000001", rejected.body().get("errorCode").asText());
    assertEquals(200, accepted.status());
    assertEquals("ACTIVE", accepted.body().get("status").asText());
    assertEquals("IMPORT", accepted.body().at("/credentials/provider/type").asText());
  }

  @Test
  void hashedPasswordReadsBackAsImport() {
    String body =
        "{\"profile\":"
            + TestUsers.json(TestUsers.profile("jane.doe@example.com"))
            + ",\"credentials\":{\"password\":{\"hash\":{\"algorithm\":\"BCRYPT\",\"workFactor\":10,"
            + "\"salt\":\"rwh3vH166HCH/NT9XV5FYu\",\"value\":\"qaMqvAPULkbiQzkTCWo5XDcvzpk8Tna\"}}}}";

    JsonNode user = client.post("/api/v1/users", body).body();

    assertEquals("ACTIVE", user.get("status").asText());
    assertEquals("IMPORT", user.get("credentials").get("provider").get("type").asText());
    assertEquals(0, user.get("credentials").get("password").size());
  }

  @Test
  void federatedUserIsActiveWithoutPassword() {
    String body =
        "{\"profile\":"
            + TestUsers.json(TestUsers.profile("jane.doe@example.com"))
            + ",\"credentials\":{\"provider\":{\"type\":\"FEDERATION\",\"name\":\"FEDERATION\"}}}";

    JsonNode user = client.post("/api/v1/users?provider=true", body).body();

    assertEquals("ACTIVE", user.get("status").asText());
    assertEquals("FEDERATION", user.get("credentials").get("provider").get("type").asText());
  }

  @Test
  void invalidActivateParameterIsRejected() {
    SimulatorClient.Response response = client.post("/api/v1/users?activate=maybe", createBody("jane@example.com"));

    assertEquals(400, response.status());
    assertNotNull(response.body().get("errorCode"));
    assertTrue(simulator.users().isEmpty());
  }

  private static List<String> causes(SimulatorClient.Response response) {
    List<String> causes = new ArrayList<>();
    response.body().get("errorCauses").forEach(cause -> causes.add(cause.get("errorSummary").asText()));
    return causes;
  }
}
