package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetUserTest {

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
  void getByIdReturnsUser() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    SimulatorClient.Response response = client.get("/api/v1/users/" + id);

    assertEquals(200, response.status());
    assertEquals(id, response.body().get("id").asText());
    assertEquals("ACTIVE", response.body().get("status").asText());
  }

  @Test
  void getByLoginIgnoresCase() {
    String id = client.post("/api/v1/users", createBody("Jane.Doe@example.com")).body().get("id").asText();

    SimulatorClient.Response response = client.get("/api/v1/users/jane.doe%40EXAMPLE.com");

    assertEquals(200, response.status());
    assertEquals(id, response.body().get("id").asText());
  }

  @Test
  void getByLoginKeepsPlusSign() {
    String id = client.post("/api/v1/users", createBody("jane+test@example.com")).body().get("id").asText();

    SimulatorClient.Response response = client.get("/api/v1/users/jane+test@example.com");

    assertEquals(200, response.status());
    assertEquals(id, response.body().get("id").asText());
  }

  @Test
  void getByUnambiguousShortName() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();
    client.post("/api/v1/users", createBody("john.doe@example.com"));

    SimulatorClient.Response response = client.get("/api/v1/users/jane.doe");

    assertEquals(200, response.status());
    assertEquals(id, response.body().get("id").asText());
  }

  @Test
  void ambiguousShortNameIsNotFound() {
    client.post("/api/v1/users", createBody("jane.doe@example.com"));
    client.post("/api/v1/users", createBody("jane.doe@example.org"));

    SimulatorClient.Response response = client.get("/api/v1/users/jane.doe");

    assertEquals(404, response.status());
  }

  @Test
  void unknownUserGives404WithOktaSummary() {
    SimulatorClient.Response response = client.get("/api/v1/users/missing@example.com");

    assertEquals(404, response.status());
    JsonNode error = response.body();
    assertEquals("E0000007", error.get("errorCode").asText());
    assertEquals("Not found: Resource not found: missing@example.com (User)", error.get("errorSummary").asText());
    assertEquals("E0000007", error.get("errorLink").asText());
    assertTrue(error.get("errorId").asText().matches("oae[0-9A-Za-z]{22}"));
    assertTrue(error.get("errorCauses").isArray());
    assertEquals(0, error.get("errorCauses").size());
  }

  @Test
  void deprovisionedUserIsStillReturned() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();
    client.post("/api/v1/users/" + id + "/lifecycle/deactivate");

    SimulatorClient.Response response = client.get("/api/v1/users/" + id);

    assertEquals(200, response.status());
    assertEquals("DEPROVISIONED", response.body().get("status").asText());
  }

  @Test
  void activeUserHasLinksForItsStatus() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    JsonNode links = client.get("/api/v1/users/" + id).body().get("_links");

    String self = simulator.baseUrl() + "/api/v1/users/" + id;
    assertEquals(self + "/lifecycle/suspend", links.get("suspend").get("href").asText());
    assertEquals("POST", links.get("suspend").get("method").asText());
    assertEquals(self + "/lifecycle/deactivate", links.get("deactivate").get("href").asText());
    assertEquals(self + "/lifecycle/reset_password", links.get("resetPassword").get("href").asText());
    assertEquals(self + "/credentials/change_password", links.get("changePassword").get("href").asText());
    assertTrue(links.get("type").get("href").asText().contains("/api/v1/meta/types/user/oty"));
    assertFalse(links.has("activate"));
    assertFalse(links.has("unsuspend"));
  }

  @Test
  void stagedUserHasActivateLink() {
    String id =
        client.post("/api/v1/users?activate=false", createBody("jane.doe@example.com")).body().get("id").asText();

    JsonNode links = client.get("/api/v1/users/" + id).body().get("_links");

    assertTrue(links.has("activate"));
    assertTrue(links.has("self"));
    assertFalse(links.has("suspend"));
  }

  @Test
  void omitCredentialsParameterLeavesOutCredentials() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();
    String contentType =
        "application/json; okta-response=\"omitCredentials,omitCredentialsLinks,omitTransitioningToStatus\"";

    JsonNode user = client.get("/api/v1/users/" + id, Map.of("Content-Type", contentType)).body();

    assertFalse(user.has("credentials"));
    assertFalse(user.has("transitioningToStatus"));
    assertFalse(user.get("_links").has("changePassword"));
    assertTrue(user.get("_links").has("suspend"));
  }

  @Test
  void unknownPathGives404() {
    SimulatorClient.Response response = client.get("/api/v1/nowhere");

    assertEquals(404, response.status());
    assertEquals("E0000008", response.body().get("errorCode").asText());
  }

  @Test
  void unsupportedMethodGives405() {
    SimulatorClient.Response response = client.send("PATCH", "/api/v1/users", "{}", Map.of());

    assertEquals(405, response.status());
    assertEquals("E0000022", response.body().get("errorCode").asText());
  }
}
