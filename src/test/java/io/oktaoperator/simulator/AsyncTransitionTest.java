package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asynchronous activation and deactivation, driven by a controllable clock instead of sleeping. */
class AsyncTransitionTest {

  private static final Duration DELAY = Duration.ofSeconds(5);

  private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
  private OktaSimulator simulator;
  private SimulatorClient client;

  @BeforeEach
  void start() {
    simulator =
        OktaSimulator.start(
            SimulatorOptions.builder().apiToken("test-token").clock(clock).asyncTransitionDelay(DELAY).build());
    client = new SimulatorClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void activationIsAsynchronousWithDelay() {
    JsonNode created = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body();
    String id = created.get("id").asText();

    clock.advance(DELAY.minusMillis(1));
    JsonNode during = client.get("/api/v1/users/" + id).body();
    clock.advance(Duration.ofMillis(1));
    JsonNode after = client.get("/api/v1/users/" + id).body();

    assertEquals("STAGED", created.get("status").asText());
    assertEquals("ACTIVE", created.get("transitioningToStatus").asText());
    assertEquals("STAGED", during.get("status").asText());
    assertEquals("ACTIVE", during.get("transitioningToStatus").asText());
    assertEquals("ACTIVE", after.get("status").asText());
    assertTrue(after.get("transitioningToStatus").isNull());
    assertEquals("2026-03-01T10:00:05.000Z", after.get("activated").asText());
    assertEquals("2026-03-01T10:00:05.000Z", after.get("statusChanged").asText());
  }

  @Test
  void activationWithoutPasswordShowsProvisionedTarget() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();

    SimulatedUser during = simulator.findUser(id).orElseThrow();
    clock.advance(DELAY);
    SimulatedUser after = simulator.findUser(id).orElseThrow();

    assertEquals("PROVISIONED", during.transitioningToStatus());
    assertEquals("PROVISIONED", after.status());
    assertNull(after.transitioningToStatus());
    assertNull(after.activated());
  }

  @Test
  void updateDuringActivationGives409() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    SimulatorClient.Response update = client.post("/api/v1/users/" + id, "{\"profile\":{\"title\":\"x\"}}");
    SimulatorClient.Response suspend = client.post("/api/v1/users/" + id + "/lifecycle/suspend");
    SimulatorClient.Response delete = client.delete("/api/v1/users/" + id);

    assertEquals(409, update.status());
    assertEquals("E0000112", update.body().get("errorCode").asText());
    assertEquals(409, suspend.status());
    assertEquals("E0000112", suspend.body().get("errorCode").asText());
    assertEquals(409, delete.status());
    for (String path : new String[] {"/lifecycle/expire_password", "/lifecycle/reset_password", "/credentials/change_password"}) {
      SimulatorClient.Response response =
          client.post("/api/v1/users/" + id + path, "{\"oldPassword\":{\"value\":\"a\"},\"newPassword\":{\"value\":\"b\"}}");
      assertEquals(409, response.status(), path);
      assertEquals("E0000112", response.body().get("errorCode").asText(), path);
    }
    SimulatorClient.Response replace =
        client.put("/api/v1/users/" + id, "{\"profile\":" + TestUsers.json(TestUsers.profile("jane.doe@example.com")) + "}");
    assertEquals(409, replace.status());
    assertEquals("E0000112", replace.body().get("errorCode").asText());
    clock.advance(DELAY);
    assertEquals(200, client.post("/api/v1/users/" + id, "{\"profile\":{\"title\":\"x\"}}").status());
  }

  @Test
  void deactivationIsAsynchronousWithDelay() {
    simulator.setAsyncTransitionDelay(Duration.ZERO);
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();
    simulator.setAsyncTransitionDelay(DELAY);

    SimulatorClient.Response delete = client.delete("/api/v1/users/" + id);
    JsonNode during = client.get("/api/v1/users/" + id).body();
    SimulatorClient.Response secondDelete = client.delete("/api/v1/users/" + id);
    clock.advance(DELAY);
    JsonNode after = client.get("/api/v1/users/" + id).body();

    assertEquals(204, delete.status());
    assertEquals("ACTIVE", during.get("status").asText());
    assertEquals("DEPROVISIONED", during.get("transitioningToStatus").asText());
    assertEquals(403, secondDelete.status());
    assertEquals("E0000038", secondDelete.body().get("errorCode").asText());
    assertEquals("DEPROVISIONED", after.get("status").asText());
    assertTrue(after.get("transitioningToStatus").isNull());
  }

  @Test
  void listShowsCompletedTransition() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();
    clock.advance(DELAY);

    JsonNode listed = client.get("/api/v1/users").body().get(0);

    assertEquals(id, listed.get("id").asText());
    assertEquals("ACTIVE", listed.get("status").asText());
  }

  @Test
  void zeroDelayIsSynchronous() {
    simulator.setAsyncTransitionDelay(Duration.ZERO);

    JsonNode created = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body();

    assertEquals("ACTIVE", created.get("status").asText());
    assertTrue(created.get("transitioningToStatus").isNull());
  }

  @Test
  void outOfBandChangeCancelsPendingTransition() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    simulator.outOfBand().deactivate(id);
    clock.advance(DELAY);
    SimulatedUser user = simulator.findUser(id).orElseThrow();

    assertEquals("DEPROVISIONED", user.status());
    assertNull(user.transitioningToStatus());
  }

  @Test
  void timestampsFollowInjectedClock() {
    simulator.setAsyncTransitionDelay(Duration.ZERO);

    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    assertEquals(Instant.parse("2026-03-01T10:00:00Z"), simulator.findUser(id).orElseThrow().created());
  }
}
