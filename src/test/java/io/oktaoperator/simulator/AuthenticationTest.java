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
  @ValueSource(strings = {"", "SSWS", "Basic dGVzdC10b2tlbg==", "test-token", "SSWS test-token-2", "Basic test-token"})
  void invalidAuthorizationGives401(String authorization) {
    SimulatorClient.Response response = client.withAuthorization(authorization.isEmpty() ? null : authorization).get("/api/v1/users");

    assertEquals(401, response.status());
    assertEquals("E0000011", response.body().get("errorCode").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SSWS test-token", "Bearer test-token", "ssws test-token", "bearer  test-token", "DPoP test-token"})
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

  @Test
  void readScopeAllowsReadsOnly() {
    try (OktaSimulator scoped = startWithScopedTokens()) {
      SimulatorClient reader = new SimulatorClient(scoped).withAuthorization("Bearer reader");

      SimulatorClient.Response list = reader.get("/api/v1/users");
      SimulatorClient.Response create = reader.post("/api/v1/users", TestUsers.createBody("jane@example.com"));

      assertEquals(200, list.status());
      assertEquals(403, create.status());
      assertEquals("E0000006", create.body().get("errorCode").asText());
      assertEquals("You do not have permission to perform the requested action", create.body().get("errorSummary").asText());
      String challenge = create.header("WWW-Authenticate");
      assertTrue(challenge.startsWith("Bearer error=\"insufficient_scope\""), challenge);
      assertTrue(challenge.contains("scope=\"okta.users.manage\""), challenge);
      assertTrue(scoped.users().isEmpty());
    }
  }

  @Test
  void manageScopeImpliesRead() {
    try (OktaSimulator scoped = startWithScopedTokens()) {
      SimulatorClient manager = new SimulatorClient(scoped).withAuthorization("DPoP manager");

      SimulatorClient.Response create = manager.post("/api/v1/users", TestUsers.createBody("jane@example.com"));
      SimulatorClient.Response get = manager.get("/api/v1/users/jane@example.com");
      SimulatorClient.Response roles = manager.get("/api/v1/users/jane@example.com/roles");

      assertEquals(200, create.status());
      assertEquals(200, get.status());
      assertEquals(403, roles.status(), "reading roles needs okta.roles.read");
      assertEquals("E0000006", roles.body().get("errorCode").asText());
    }
  }

  @Test
  void sswsTokenWithoutScopeGets403WithoutChallenge() {
    try (OktaSimulator scoped = startWithScopedTokens()) {
      SimulatorClient nothing = new SimulatorClient(scoped).withAuthorization("SSWS no-scopes");

      SimulatorClient.Response response = nothing.get("/api/v1/users");
      SimulatorClient.Response unknown = nothing.withAuthorization("SSWS unknown").get("/api/v1/users");

      assertEquals(403, response.status());
      assertEquals("E0000006", response.body().get("errorCode").asText());
      assertEquals(null, response.header("WWW-Authenticate"));
      assertEquals(401, unknown.status());
      assertEquals("E0000011", unknown.body().get("errorCode").asText());
    }
  }

  @Test
  void apiTokenKeepsEveryScope() {
    try (OktaSimulator scoped = startWithScopedTokens()) {
      SimulatorClient full = new SimulatorClient(scoped);

      assertEquals(200, full.post("/api/v1/users", TestUsers.createBody("jane@example.com")).status());
      assertEquals(200, full.get("/api/v1/users/jane@example.com/roles").status());
    }
  }

  private static OktaSimulator startWithScopedTokens() {
    return OktaSimulator.start(
        SimulatorOptions.builder()
            .apiToken("full")
            .token("reader", ApiToken.USERS_READ)
            .token("manager", ApiToken.USERS_MANAGE)
            .token(ApiToken.withScopes("no-scopes"))
            .build());
  }
}
