package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutOfBandChangesTest {

  private OktaSimulator simulator;
  private SimulatorClient client;
  private OutOfBandChanges outOfBand;

  @BeforeEach
  void start() {
    simulator =
        OktaSimulator.start(
            SimulatorOptions.builder().apiToken("test-token").asyncTransitionDelay(Duration.ofHours(1)).build());
    client = new SimulatorClient(simulator);
    outOfBand = simulator.outOfBand();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void suspendIsSeenByApi() {
    String id = seed("jane.doe@example.com", "ACTIVE");

    outOfBand.suspend(id);

    assertEquals("SUSPENDED", client.get("/api/v1/users/" + id).body().get("status").asText());
    assertEquals("ACTIVE", outOfBand.unsuspend(id).status());
  }

  @Test
  void suspendOfStagedUserThrows() {
    String id = seed("jane.doe@example.com", "STAGED");

    assertThrows(IllegalStateException.class, () -> outOfBand.suspend(id));
    assertEquals("STAGED", simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void deactivateIsImmediateDespiteDelay() {
    String id = seed("jane.doe@example.com", "ACTIVE");

    SimulatedUser user = outOfBand.deactivate(id);

    assertEquals("DEPROVISIONED", user.status());
    assertEquals(null, user.transitioningToStatus());
  }

  @Test
  void deleteRemovesUserWhateverItsStatus() {
    String id = seed("jane.doe@example.com", "ACTIVE");

    outOfBand.delete(id);

    assertTrue(simulator.findUser(id).isEmpty());
    assertEquals(404, client.get("/api/v1/users/" + id).status());
    assertThrows(NoSuchElementException.class, () -> outOfBand.delete(id));
  }

  @Test
  void setProfileAttributeChangesAndRemoves() {
    String id = seed("jane.doe@example.com", "ACTIVE");

    outOfBand.setProfileAttribute(id, "department", "Sales");
    String afterSet = client.get("/api/v1/users/" + id).body().get("profile").get("department").asText();
    SimulatedUser afterRemove = outOfBand.setProfileAttribute(id, "department", null);

    assertEquals("Sales", afterSet);
    assertFalse(afterRemove.profile().containsKey("department"));
  }

  @Test
  void setLoginKeepsLoginIndex() {
    String id = seed("jane.doe@example.com", "ACTIVE");
    seed("john.doe@example.com", "ACTIVE");

    outOfBand.setProfileAttribute(id, "login", "jane.smith@example.com");

    assertEquals(id, simulator.findUser("jane.smith@example.com").orElseThrow().id());
    assertTrue(simulator.findUser("jane.doe@example.com").isEmpty());
    assertThrows(
        IllegalArgumentException.class, () -> outOfBand.setProfileAttribute(id, "login", "JOHN.doe@example.com"));
  }

  @Test
  void completeActivationMakesProvisionedUserActive() {
    simulator.setAsyncTransitionDelay(Duration.ZERO);
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();

    SimulatedUser user = outOfBand.completeActivation(id);

    assertEquals("ACTIVE", user.status());
    assertTrue(user.hasPassword());
    assertNotNull(user.activated());
    assertNotNull(user.passwordChanged());
  }

  @Test
  void lockOutThenUnlockThroughApi() {
    simulator.setAsyncTransitionDelay(Duration.ZERO);
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();

    outOfBand.lockOut(id);
    String locked = client.get("/api/v1/users/" + id).body().get("status").asText();
    int unlock = client.post("/api/v1/users/" + id + "/lifecycle/unlock").status();

    assertEquals("LOCKED_OUT", locked);
    assertEquals(200, unlock);
    assertEquals("ACTIVE", simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void lockOutOfInactiveUserThrows() {
    String id = seed("jane.doe@example.com", "SUSPENDED");

    assertThrows(IllegalStateException.class, () -> outOfBand.lockOut(id));
  }

  @Test
  void createUserSeedsStatusAndPassword() {
    SimulatedUser active = outOfBand.createUser(TestUsers.profile("jane.doe@example.com"), "active");
    SimulatedUser staged = outOfBand.createUser(TestUsers.profile("john.doe@example.com"), "STAGED");

    assertEquals("ACTIVE", active.status());
    assertTrue(active.hasPassword());
    assertEquals("STAGED", staged.status());
    assertFalse(staged.hasPassword());
    assertEquals(2, simulator.users().size());
  }

  @Test
  void createUserRejectsTakenLoginAndUnknownStatus() {
    seed("jane.doe@example.com", "ACTIVE");

    assertThrows(
        IllegalArgumentException.class,
        () -> outOfBand.createUser(TestUsers.profile("Jane.Doe@example.com"), "ACTIVE"));
    assertThrows(
        IllegalArgumentException.class, () -> outOfBand.createUser(TestUsers.profile("x@example.com"), "ASLEEP"));
    assertThrows(IllegalArgumentException.class, () -> outOfBand.createUser(Map.of("email", "x@example.com"), "ACTIVE"));
  }

  @Test
  void snapshotsAreImmutable() {
    SimulatedUser user = outOfBand.createUser(TestUsers.profile("jane.doe@example.com"), "ACTIVE");

    assertThrows(UnsupportedOperationException.class, () -> user.profile().put("title", "x"));
  }

  private String seed(String login, String status) {
    return outOfBand.createUser(TestUsers.profile(login), status).id();
  }
}
