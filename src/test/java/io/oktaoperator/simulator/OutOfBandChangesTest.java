package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

  @Test
  void autoUnlockMakesLockedOutUserActive() {
    String id = seed("jane.doe@example.com", "LOCKED_OUT");

    SimulatedUser user = outOfBand.autoUnlock(id);

    assertEquals("ACTIVE", user.status());
    assertThrows(IllegalStateException.class, () -> outOfBand.autoUnlock(id));
  }

  @Test
  void completePasswordResetMakesRecoveryUserActive() {
    String id = seed("jane.doe@example.com", "RECOVERY");
    SimulatedUser before = simulator.findUser(id).orElseThrow();
    simulator.setAsyncTransitionDelay(Duration.ZERO);

    SimulatedUser user = outOfBand.completePasswordReset(id);

    assertEquals("ACTIVE", user.status());
    assertTrue(user.hasPassword());
    assertNotNull(user.passwordChanged());
    assertFalse(user.passwordChanged().isBefore(before.passwordChanged()));
    assertEquals("ACTIVE", client.get("/api/v1/users/" + id).body().get("status").asText());
    assertThrows(IllegalStateException.class, () -> outOfBand.completePasswordReset(id));
  }

  @Test
  void expirePasswordThenChangeIt() {
    String id = seed("jane.doe@example.com", "ACTIVE");

    SimulatedUser expired = outOfBand.expirePassword(id);
    String seenByApi = client.get("/api/v1/users/" + id).body().get("status").asText();
    SimulatedUser changed = outOfBand.changeExpiredPassword(id);

    assertEquals("PASSWORD_EXPIRED", expired.status());
    assertEquals("PASSWORD_EXPIRED", seenByApi);
    assertEquals("ACTIVE", changed.status());
    assertThrows(IllegalStateException.class, () -> outOfBand.changeExpiredPassword(id));
  }

  @Test
  void expirePasswordOfSuspendedUserThrows() {
    String id = seed("jane.doe@example.com", "SUSPENDED");

    assertThrows(IllegalStateException.class, () -> outOfBand.expirePassword(id));
    assertEquals("SUSPENDED", simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void adminRoleAssignmentAndRemoval() {
    String id = seed("jane.doe@example.com", "ACTIVE");

    AdminRoleAssignment role = outOfBand.assignAdminRole(id, "super_admin");

    assertEquals("SUPER_ADMIN", role.type());
    assertEquals("Super Administrator", role.label());
    assertEquals("ACTIVE", role.status());
    assertTrue(role.id().matches("ra1[0-9A-Za-z]{17}"), role.id());
    assertThrows(IllegalStateException.class, () -> outOfBand.assignAdminRole(id, "SUPER_ADMIN"));
    assertThrows(IllegalArgumentException.class, () -> outOfBand.assignAdminRole(id, "KING"));
    outOfBand.removeAdminRole(id, role.id());
    assertThrows(NoSuchElementException.class, () -> outOfBand.removeAdminRole(id, role.id()));
    outOfBand.assignAdminRole(id, "USER_ADMIN");
    outOfBand.removeAdminRole(id, "USER_ADMIN");
  }

  @Test
  void rolesEndpointListsAssignedRoles() {
    String id = seed("jane.doe@example.com", "ACTIVE");
    JsonNode before = client.get("/api/v1/users/" + id + "/roles").body();

    AdminRoleAssignment role = outOfBand.assignAdminRole(id, "SUPER_ADMIN");
    SimulatorClient.Response response = client.get("/api/v1/users/jane.doe@example.com/roles");

    assertEquals(0, before.size());
    assertTrue(before.isArray());
    assertEquals(200, response.status());
    assertEquals(1, response.body().size());
    JsonNode listed = response.body().get(0);
    assertEquals(role.id(), listed.get("id").asText());
    assertEquals("Super Administrator", listed.get("label").asText());
    assertEquals("SUPER_ADMIN", listed.get("type").asText());
    assertEquals("ACTIVE", listed.get("status").asText());
    assertEquals("USER", listed.get("assignmentType").asText());
    assertTrue(listed.get("created").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    assertEquals(listed.get("created"), listed.get("lastUpdated"));
    assertEquals(simulator.baseUrl() + "/api/v1/users/" + id, listed.at("/_links/assignee/href").asText());
    assertEquals(404, client.get("/api/v1/users/nobody@example.com/roles").status());
  }

  private String seed(String login, String status) {
    return outOfBand.createUser(TestUsers.profile(login), status).id();
  }
}
