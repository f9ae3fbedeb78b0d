package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.PASSWORD;
import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Response bodies and credential checks of the password and recovery-question operations. */
class CredentialOperationTest {

  private static final String NEW_PASSWORD = "N3w-Secret-Pass";
  private static final String QUESTION = "Who's a major player in the cowboy scene?";

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
  void expirePasswordReturnsFullUser() {
    String id = createActive();

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/lifecycle/expire_password");

    assertEquals(200, response.status());
    assertEquals(id, response.body().get("id").asText());
    assertEquals("PASSWORD_EXPIRED", response.body().get("status").asText());
    assertEquals("jane.doe@example.com", response.body().at("/profile/login").asText());
    assertTrue(response.body().at("/_links/self/href").isTextual());
  }

  @Test
  void expireWithTempPasswordReturnsOnlyIt() {
    String id = createActive();
    String passwordChangedBefore = client.get("/api/v1/users/" + id).body().get("passwordChanged").asText();

    SimulatorClient.Response response =
        client.post("/api/v1/users/" + id + "/lifecycle/expire_password_with_temp_password?revokeSessions=true");

    assertEquals(200, response.status());
    assertEquals(1, response.body().size());
    String temporary = response.body().get("tempPassword").asText();
    assertTrue(temporary.matches("[A-Z][a-z][0-9][0-9A-Za-z]{5}"), temporary);
    assertEquals("PASSWORD_EXPIRED", simulator.findUser(id).orElseThrow().status());
    assertNotEquals(null, passwordChangedBefore);
  }

  @Test
  void tempPasswordIsTheNewOldPassword() {
    String id = createActive();
    String temporary =
        client.post("/api/v1/users/" + id + "/lifecycle/expire_password_with_temp_password").body().get("tempPassword").asText();

    SimulatorClient.Response withOld = changePassword(id, PASSWORD, NEW_PASSWORD, false);
    SimulatorClient.Response withTemporary = changePassword(id, temporary, NEW_PASSWORD, false);

    assertEquals(403, withOld.status());
    assertEquals(200, withTemporary.status(), withTemporary.rawBody());
    assertEquals("ACTIVE", simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void expirePasswordWithoutPasswordIsRejected() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();
    simulator.outOfBand().setProfileAttribute(id, "title", "x");
    String federated =
        client
            .post(
                "/api/v1/users?provider=true",
                "{\"profile\":" + TestUsers.json(TestUsers.profile("john.doe@example.com"))
                    + ",\"credentials\":{\"provider\":{\"type\":\"FEDERATION\",\"name\":\"FEDERATION\"}}}")
            .body()
            .get("id")
            .asText();

    SimulatorClient.Response response = client.post("/api/v1/users/" + federated + "/lifecycle/expire_password");

    assertEquals("ACTIVE", simulator.findUser(federated).orElseThrow().status());
    assertEquals(403, response.status());
    assertEquals("E0000038", response.body().get("errorCode").asText());
  }

  @Test
  void resetPasswordWithoutEmailReturnsUrl() {
    String id = createActive();

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/lifecycle/reset_password?sendEmail=false");

    assertEquals(200, response.status());
    assertEquals(1, response.body().size());
    String url = response.body().get("resetPasswordUrl").asText();
    assertTrue(url.matches(simulator.baseUrl() + "/reset_password/[0-9A-Za-z]{20}"), url);
    assertEquals("RECOVERY", simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void resetPasswordWithEmailReturnsEmptyObject() {
    String id = createActive();

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/lifecycle/reset_password?sendEmail=true");
    SimulatorClient.Response again = client.post("/api/v1/users/" + id + "/lifecycle/reset_password");

    assertEquals(200, response.status());
    assertEquals(0, response.body().size());
    assertEquals(200, again.status(), "reset_password can be repeated to issue a new token");
    assertEquals("RECOVERY", simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void resetFactorsReturnsEmptyBody() {
    String id = createActive();

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/lifecycle/reset_factors");

    assertEquals(200, response.status());
    assertEquals("", response.rawBody());
    assertEquals("ACTIVE", simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void forgotPasswordNeedsRecoveryQuestion() {
    String id = createActive();

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/credentials/forgot_password");

    assertEquals(403, response.status());
    assertEquals("E0000034", response.body().get("errorCode").asText());
  }

  @Test
  void forgotPasswordReturnsUrlOrEmptyObject() {
    String id = createActiveWithRecoveryQuestion();

    SimulatorClient.Response withEmail = client.post("/api/v1/users/" + id + "/credentials/forgot_password");
    SimulatorClient.Response withoutEmail =
        client.post("/api/v1/users/" + id + "/credentials/forgot_password?sendEmail=false");

    assertEquals(200, withEmail.status());
    assertEquals(0, withEmail.body().size());
    assertEquals(200, withoutEmail.status());
    String url = withoutEmail.body().get("resetPasswordUrl").asText();
    assertTrue(url.startsWith(simulator.baseUrl() + "/signin/reset-password/"), url);
    assertEquals("ACTIVE", simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void forgotPasswordWithAnswerSetsNewPassword() {
    String id = createActiveWithRecoveryQuestion();

    SimulatorClient.Response response =
        client.post(
            "/api/v1/users/" + id + "/credentials/forgot_password_recovery_question",
            "{\"password\":{\"value\":\"" + NEW_PASSWORD + "\"},\"recovery_question\":{\"answer\":\"annie OAKLEY\"}}");

    assertEquals(200, response.status(), response.rawBody());
    assertCredentialsWithoutSecrets(response.body());
    assertEquals(200, changePassword(id, NEW_PASSWORD, "An0ther-Secret", false).status());
  }

  @Test
  void forgotPasswordWithWrongAnswerIsRejected() {
    String id = createActiveWithRecoveryQuestion();

    SimulatorClient.Response response =
        client.post(
            "/api/v1/users/" + id + "/credentials/forgot_password_recovery_question",
            "{\"password\":{\"value\":\"" + NEW_PASSWORD + "\"},\"recovery_question\":{\"answer\":\"Calamity Jane\"}}");

    assertEquals(400, response.status());
    assertEquals("E0000001", response.body().get("errorCode").asText());
    assertEquals(403, changePassword(id, NEW_PASSWORD, "An0ther-Secret", false).status(), "password unchanged");
  }

  @Test
  void changePasswordReturnsCredentials() {
    String id = createActiveWithRecoveryQuestion();

    SimulatorClient.Response response = changePassword(id, PASSWORD, NEW_PASSWORD, false);

    assertEquals(200, response.status(), response.rawBody());
    assertCredentialsWithoutSecrets(response.body());
    assertEquals(QUESTION, response.body().at("/recovery_question/question").asText());
  }

  @Test
  void changePasswordWithWrongOldPasswordGives403() {
    String id = createActive();

    SimulatorClient.Response response = changePassword(id, "Wr0ng-Password", NEW_PASSWORD, false);

    assertEquals(403, response.status());
    assertEquals("E0000014", response.body().get("errorCode").asText());
    assertEquals("Update of credentials failed", response.body().get("errorSummary").asText());
    String cause = response.body().at("/errorCauses/0/errorSummary").asText();
    assertTrue(cause.startsWith("oldPassword:"), cause);
  }

  @Test
  void changePasswordRejectsWeakPasswordWith403() {
    String id = createActive();

    SimulatorClient.Response response = changePassword(id, PASSWORD, "short", false);

    assertEquals(403, response.status());
    assertEquals("E0000014", response.body().get("errorCode").asText());
    assertTrue(response.body().get("errorCauses").size() >= 2, response.rawBody());
  }

  @Test
  void strictChangePasswordRejectsSamePassword() {
    String id = createActive();

    SimulatorClient.Response strict = changePassword(id, PASSWORD, PASSWORD, true);
    SimulatorClient.Response lenient = changePassword(id, PASSWORD, PASSWORD, false);

    assertEquals(403, strict.status());
    assertEquals("E0000014", strict.body().get("errorCode").asText());
    assertEquals(200, lenient.status());
  }

  @Test
  void changePasswordWithoutFieldsGives400() {
    String id = createActive();

    SimulatorClient.Response response =
        client.post("/api/v1/users/" + id + "/credentials/change_password", "{\"oldPassword\":{}}");
    SimulatorClient.Response malformed = client.post("/api/v1/users/" + id + "/credentials/change_password", "{");

    assertEquals(400, response.status());
    assertEquals("E0000001", response.body().get("errorCode").asText());
    assertEquals(2, response.body().get("errorCauses").size());
    assertEquals(400, malformed.status());
    assertEquals("E0000003", malformed.body().get("errorCode").asText());
  }

  @Test
  void changeRecoveryQuestionChecksPassword() {
    String id = createActive();

    SimulatorClient.Response wrong = changeRecoveryQuestion(id, "Wr0ng-Password");
    SimulatorClient.Response right = changeRecoveryQuestion(id, PASSWORD);

    assertEquals(403, wrong.status());
    assertEquals("E0000014", wrong.body().get("errorCode").asText());
    assertEquals(200, right.status(), right.rawBody());
    assertEquals("Favourite colour?", right.body().at("/recovery_question/question").asText());
    assertCredentialsWithoutSecrets(right.body());
  }

  @Test
  void revokeSessionsGives204() {
    String id = createActive();

    SimulatorClient.Response response = client.delete("/api/v1/users/" + id + "/sessions?oauthTokens=true");
    SimulatorClient.Response unknown = client.delete("/api/v1/users/nobody@example.com/sessions");

    assertEquals(204, response.status());
    assertEquals("", response.rawBody());
    assertEquals(404, unknown.status());
    assertEquals("E0000007", unknown.body().get("errorCode").asText());
  }

  @Test
  void unknownCredentialOperationGives404() {
    String id = createActive();

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/credentials/activate");

    assertEquals(404, response.status());
  }

  private String createActive() {
    return client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();
  }

  private String createActiveWithRecoveryQuestion() {
    String body =
        "{\"profile\":" + TestUsers.json(TestUsers.profile("jane.doe@example.com"))
            + ",\"credentials\":{\"password\":{\"value\":\"" + PASSWORD + "\"},"
            + "\"recovery_question\":{\"question\":\"" + QUESTION + "\",\"answer\":\"Annie Oakley\"}}}";
    return client.post("/api/v1/users", body).body().get("id").asText();
  }

  private SimulatorClient.Response changePassword(String id, String oldPassword, String newPassword, boolean strict) {
    return client.post(
        "/api/v1/users/" + id + "/credentials/change_password" + (strict ? "?strict=true" : ""),
        "{\"oldPassword\":{\"value\":\"" + oldPassword + "\"},\"newPassword\":{\"value\":\"" + newPassword + "\"}}");
  }

  private SimulatorClient.Response changeRecoveryQuestion(String id, String password) {
    return client.post(
        "/api/v1/users/" + id + "/credentials/change_recovery_question",
        "{\"password\":{\"value\":\"" + password + "\"},"
            + "\"recovery_question\":{\"question\":\"Favourite colour?\",\"answer\":\"Blue, no yellow\"}}");
  }

  private static void assertCredentialsWithoutSecrets(JsonNode credentials) {
    assertEquals(0, credentials.get("password").size());
    assertNull(credentials.at("/recovery_question").get("answer"));
    assertEquals("OKTA", credentials.at("/provider/type").asText());
    assertFalse(credentials.toString().contains(PASSWORD));
    assertFalse(credentials.toString().contains(NEW_PASSWORD));
  }
}
