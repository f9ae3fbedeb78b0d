package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PUT /api/v1/users/{id}}: strict replace of the profile. */
class ReplaceUserTest {

  private OktaSimulator simulator;
  private SimulatorClient client;
  private String id;

  @BeforeEach
  void start() {
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").build());
    client = new SimulatorClient(simulator);
    id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();
    client.post("/api/v1/users/" + id, "{\"profile\":{\"city\":\"Lisbon\",\"title\":\"Engineer\"}}");
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void replaceRemovesUnsentAttributes() {
    Map<String, Object> profile = TestUsers.profile("jane.doe@example.com");
    profile.put("city", "Porto");

    SimulatorClient.Response response = client.put("/api/v1/users/" + id, "{\"profile\":" + TestUsers.json(profile) + "}");

    assertEquals(200, response.status(), response.rawBody());
    JsonNode stored = response.body().get("profile");
    assertEquals("Porto", stored.get("city").asText());
    assertFalse(stored.has("title"), stored.toString());
    assertFalse(simulator.findUser(id).orElseThrow().profile().containsKey("title"));
  }

  @Test
  void replaceWithoutCredentialsKeepsPassword() {
    client.put("/api/v1/users/" + id, "{\"profile\":" + TestUsers.json(TestUsers.profile("jane.doe@example.com")) + "}");

    SimulatorClient.Response change =
        client.post(
            "/api/v1/users/" + id + "/credentials/change_password",
            "{\"oldPassword\":{\"value\":\"" + TestUsers.PASSWORD + "\"},\"newPassword\":{\"value\":\"N3w-Secret-Pass\"}}");

    assertTrue(simulator.findUser(id).orElseThrow().hasPassword());
    assertEquals(200, change.status(), change.rawBody());
  }

  @Test
  void replaceChangesType() {
    String body = "{\"type\":{\"id\":\"otyNewType0000000000\"},\"profile\":" + TestUsers.json(TestUsers.profile("jane.doe@example.com")) + "}";
    String partial = "{\"type\":{\"id\":\"otyOtherType00000000\"}}";

    SimulatorClient.Response replaced = client.put("/api/v1/users/" + id, body);
    SimulatorClient.Response updated = client.post("/api/v1/users/" + id, partial);

    assertEquals(200, replaced.status(), replaced.rawBody());
    assertEquals("otyNewType0000000000", replaced.body().at("/type/id").asText());
    assertEquals(400, updated.status(), "a partial update cannot change the type");
    assertEquals("otyNewType0000000000", simulator.findUser(id).orElseThrow().typeId());
  }

  @Test
  void replaceWithoutRequiredAttributesGives400() {
    SimulatorClient.Response response = client.put("/api/v1/users/" + id, "{\"profile\":{\"login\":\"jane.doe@example.com\"}}");

    assertEquals(400, response.status());
    assertEquals("E0000001", response.body().get("errorCode").asText());
    assertEquals(3, response.body().get("errorCauses").size(), response.rawBody());
    assertEquals("Lisbon", simulator.findUser(id).orElseThrow().profile().get("city"));
  }

  @Test
  void replaceCanSetPassword() {
    String body =
        "{\"profile\":" + TestUsers.json(TestUsers.profile("jane.doe@example.com"))
            + ",\"credentials\":{\"password\":{\"value\":\"N3w-Secret-Pass\"}}}";

    SimulatorClient.Response response = client.put("/api/v1/users/" + id, body);
    SimulatorClient.Response withOld =
        client.post(
            "/api/v1/users/" + id + "/credentials/change_password",
            "{\"oldPassword\":{\"value\":\"" + TestUsers.PASSWORD + "\"},\"newPassword\":{\"value\":\"An0ther-Secret\"}}");

    assertEquals(200, response.status(), response.rawBody());
    assertEquals(0, response.body().at("/credentials/password").size());
    assertEquals(403, withOld.status());
  }

  @Test
  void replaceOfUnknownUserGives404() {
    SimulatorClient.Response response =
        client.put("/api/v1/users/nobody@example.com", "{\"profile\":" + TestUsers.json(TestUsers.profile("nobody@example.com")) + "}");

    assertEquals(404, response.status());
    assertEquals("E0000007", response.body().get("errorCode").asText());
  }

  @Test
  void replaceOfDeprovisionedUserIsRejected() {
    client.post("/api/v1/users/" + id + "/lifecycle/deactivate");

    SimulatorClient.Response response =
        client.put("/api/v1/users/" + id, "{\"profile\":" + TestUsers.json(TestUsers.profile("jane.doe@example.com")) + "}");

    assertEquals(403, response.status());
    assertEquals("E0000038", response.body().get("errorCode").asText());
  }
}
