package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Response bodies of the lifecycle operations, delete, and the request checks around them. */
class LifecycleOperationTest {

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
  void activateWithoutEmailReturnsActivationToken() {
    String id = createStaged(createBody("jane.doe@example.com"));

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/lifecycle/activate?sendEmail=false");

    assertEquals(200, response.status());
    String token = response.body().get("activationToken").asText();
    assertTrue(token.matches("[0-9A-Za-z]{20}"), token);
    assertEquals(
        simulator.baseUrl() + "/tokens/" + token + "/verify", response.body().get("activationUrl").asText());
    assertEquals("PROVISIONED", simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void activateSendsEmailByDefault() {
    String id = createStaged(createBody("jane.doe@example.com"));

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/lifecycle/activate");

    assertEquals(200, response.status());
    assertEquals(0, response.body().size());
  }

  @Test
  void activatingStagedUserWithPasswordMakesItActive() {
    String id = createStaged(createBodyWithPassword("jane.doe@example.com"));

    client.post("/api/v1/users/" + id + "/lifecycle/activate");

    SimulatedUser user = simulator.findUser(id).orElseThrow();
    assertEquals("ACTIVE", user.status());
    assertEquals(user.statusChanged(), user.activated());
  }

  @Test
  void reactivateReturnsNewTokenByDefault() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();

    JsonNode first = client.post("/api/v1/users/" + id + "/lifecycle/reactivate").body();
    JsonNode second = client.post("/api/v1/users/" + id + "/lifecycle/reactivate").body();

    assertTrue(first.has("activationToken"));
    assertNotEquals(first.get("activationToken").asText(), second.get("activationToken").asText());
  }

  @Test
  void deactivateReturnsEmptyBody() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/lifecycle/deactivate");

    assertEquals(200, response.status());
    assertEquals("", response.rawBody());
    assertNull(response.header("Content-Type"));
  }

  @Test
  void suspendAndUnsuspendReturnEmptyObject() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    SimulatorClient.Response suspend = client.post("/api/v1/users/" + id + "/lifecycle/suspend");
    SimulatorClient.Response unsuspend = client.post("/api/v1/users/" + id + "/lifecycle/unsuspend");

    assertEquals("{}", suspend.rawBody());
    assertEquals("{}", unsuspend.rawBody());
  }

  @Test
  void suspendOfInactiveUserNamesTheReason() {
    String id = createStaged(createBody("jane.doe@example.com"));

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/lifecycle/suspend");

    assertEquals(400, response.status());
    assertEquals(
        "Cannot suspend a user that is not active",
        response.body().get("errorCauses").get(0).get("errorSummary").asText());
  }

  @Test
  void lifecycleOperationAcceptsLogin() {
    client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com"));

    SimulatorClient.Response response = client.post("/api/v1/users/jane.doe@example.com/lifecycle/suspend");

    assertEquals(200, response.status());
    assertEquals("SUSPENDED", simulator.findUser("jane.doe@example.com").orElseThrow().status());
  }

  @Test
  void lifecycleOnUnknownUserGives404() {
    SimulatorClient.Response response = client.post("/api/v1/users/00uUnknownUnknown123/lifecycle/suspend");

    assertEquals(404, response.status());
    assertEquals("E0000007", response.body().get("errorCode").asText());
  }

  @Test
  void unknownLifecycleOperationGives404() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();

    SimulatorClient.Response response = client.post("/api/v1/users/" + id + "/lifecycle/explode");

    assertEquals(404, response.status());
    assertEquals("E0000008", response.body().get("errorCode").asText());
  }

  @Test
  void lifecycleWithGetGives405() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();

    SimulatorClient.Response response = client.get("/api/v1/users/" + id + "/lifecycle/suspend");

    assertEquals(405, response.status());
  }

  @Test
  void deleteTwiceRemovesUser() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    SimulatorClient.Response first = client.delete("/api/v1/users/" + id);
    String statusAfterFirst = client.get("/api/v1/users/" + id).body().get("status").asText();
    SimulatorClient.Response second = client.delete("/api/v1/users/" + id);
    SimulatorClient.Response getAfter = client.get("/api/v1/users/" + id);
    SimulatorClient.Response third = client.delete("/api/v1/users/" + id);

    assertEquals(204, first.status());
    assertEquals("", first.rawBody());
    assertEquals("DEPROVISIONED", statusAfterFirst);
    assertEquals(204, second.status());
    assertEquals(404, getAfter.status());
    assertEquals("E0000007", getAfter.body().get("errorCode").asText());
    assertEquals(404, third.status());
    assertTrue(simulator.findUser(id).isEmpty());
  }

  @Test
  void bodylessPostWithoutContentLengthGives411() throws IOException {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();
    String request =
        "POST /api/v1/users/" + id + "/lifecycle/suspend HTTP/1.1\r\n"
            + "Host: " + simulator.baseUrl().getAuthority() + "\r\n"
            + "Authorization: SSWS test-token\r\n"
            + "Connection: close\r\n\r\n";

    String statusLine;
    try (Socket socket = new Socket(simulator.baseUrl().getHost(), simulator.baseUrl().getPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      statusLine = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
    }

    assertEquals("HTTP/1.1 411 Length Required", statusLine);
    assertEquals("ACTIVE", simulator.findUser(id).orElseThrow().status());
  }

  private String createStaged(String body) {
    return client.post("/api/v1/users?activate=false", body).body().get("id").asText();
  }
}
