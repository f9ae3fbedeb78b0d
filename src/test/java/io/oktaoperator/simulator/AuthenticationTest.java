package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {

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
  void wrongTokenGives401() {
    SimulatorClient.Response response =
        client.withAuthorization("SSWS wrong-token").post("/api/v1/users", TestUsers.createBody("jane@example.com"));

    assertEquals(401, response.status());
    assertEquals("E0000011", response.body().get("errorCode").asText());
    assertEquals("Invalid token provided", response.body().get("errorSummary").asText());
    assertEquals("E0000011", response.body().get("errorLink").asText());
    assertTrue(simulator.users().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "SSWS", "Basic dGVzdC10b2tlbg==", "test-token", "SSWS test-token-2", "DPoP test-token"})
  void invalidAuthorizationGives401(String authorization) {
    SimulatorClient.Response response = client.withAuthorization(authorization.isEmpty() ? null : authorization).get("/api/v1/users");

    assertEquals(401, response.status());
    assertEquals("E0000011", response.body().get("errorCode").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SSWS test-token", "Bearer test-token", "ssws test-token", "bearer  test-token"})
  void acceptedSchemesGive200(String authorization) {
    SimulatorClient.Response response = client.withAuthorization(authorization).get("/api/v1/users");

    assertEquals(200, response.status());
  }

  @Test
  void generatedTokenIsUsable() {
    try (OktaSimulator generated = OktaSimulator.start(SimulatorOptions.builder().build())) {
      SimulatorClient generatedClient = new SimulatorClient(generated);

      assertTrue(generated.apiToken().length() >= 40);
      assertEquals(200, generatedClient.get("/api/v1/users").status());
    }
  }
}
