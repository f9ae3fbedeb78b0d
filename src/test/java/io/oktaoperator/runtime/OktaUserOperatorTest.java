package io.oktaoperator.runtime;

import static io.oktaoperator.runtime.OperatorTestEnvironment.TIMEOUT;
import static io.oktaoperator.runtime.OperatorTestEnvironment.user;
import static io.oktaoperator.runtime.OperatorTestEnvironment.userWithPassword;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Event;
import io.oktaoperator.api.v1alpha1.DeletionPolicy;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.OktaUserStatus;
import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.reconciler.Conditions;
import io.oktaoperator.simulator.RecordedRequest;
import io.oktaoperator.simulator.SimulatedUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator end to end: embedded Kubernetes API, the Okta simulator over HTTP, real clients. */
class OktaUserOperatorTest {

  OperatorTestEnvironment env;

  @BeforeEach
  void startEnvironment() {
    env = OperatorTestEnvironment.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  /** Replaces the environment with one whose operator compares converged resources with Okta every 500 ms. */
  void resyncFrequently() {
    env.close();
    env = OperatorTestEnvironment.start(OperatorTestEnvironment.FREQUENT_RESYNC, OperatorTestEnvironment.TOKEN);
  }

  long oktaReads() {
    return env.simulator.requestLog().stream().filter(r -> r.method().equals("GET")).count();
  }

  SimulatedUser oktaUser(String idOrLogin) {
    return env.simulator.findUser(idOrLogin).orElseThrow(() -> new AssertionError("no Okta user " + idOrLogin));
  }

  @Test
  void createsUserUntilReadyWithIdStatusAndTimestamps() {
    env.createPasswordSecret("jane-credentials", "Correct-Horse-9");
    OktaUser jane = userWithPassword("jane", "jane@example.com", UserState.ACTIVE, "jane-credentials");
    jane.getSpec().getProfile().setDepartment("Engineering");
    jane.getSpec().getProfile().setCustomAttribute("level", 3);
    env.create(jane);

    OktaUser ready = env.awaitReady("jane");

    OktaUserStatus status = ready.getStatus();
    SimulatedUser inOkta = oktaUser("jane@example.com");
    assertEquals(inOkta.id(), status.getId());
    assertEquals("ACTIVE", status.getStatus());
    assertNotNull(status.getCreated());
    assertNotNull(status.getActivated());
    assertNotNull(status.getStatusChanged());
    assertNotNull(status.getLastUpdated());
    assertNotNull(status.getPasswordChanged());
    assertEquals(ready.getMetadata().getGeneration(), status.getObservedGeneration());
    assertEquals("Engineering", inOkta.profile().get("department"));
    assertEquals(3, ((Number) inOkta.profile().get("level")).intValue());
    assertTrue(env.get("jane").getMetadata().getFinalizers().contains(OktaUser.FINALIZER));
  }

  @Test
  void newActiveUserWithPasswordCostsOneOktaWrite() {
    env.createPasswordSecret("ann-credentials", "Correct-Horse-9");
    env.create(userWithPassword("ann", "ann@example.com", UserState.ACTIVE, "ann-credentials"));

    env.awaitOktaStatus("ann", "ACTIVE");

    List<RecordedRequest> writes = env.oktaWrites();
    assertEquals(1, writes.size(), "Okta writes: " + writes);
    assertEquals("/api/v1/users", writes.get(0).path());
    assertTrue(writes.get(0).query().contains("activate=true"), writes.get(0).query());
  }

  @Test
  void createdEventIsRecorded() {
    env.create(user("eve", "eve@example.com", UserState.STAGED));

    env.awaitReady("eve");

    await().atMost(TIMEOUT).until(() -> env.events("eve").stream().anyMatch(e -> "Created".equals(e.getReason())));
  }

  @Test
  void unchangedUserCausesNoOktaWrite() {
    resyncFrequently();
    env.create(user("ned", "ned@example.com", UserState.STAGED));
    env.awaitReady("ned");
    int writesBefore = env.oktaWrites().size();
    long readsBefore = oktaReads();

    // Each resync reads the user from Okta and finds nothing to change.
    await().atMost(TIMEOUT).until(() -> oktaReads() >= readsBefore + 3);

    assertEquals(writesBefore, env.oktaWrites().size());
  }

  @Test
  void createsStagedUser() {
    env.create(user("sid", "sid@example.com", UserState.STAGED));

    OktaUser ready = env.awaitOktaStatus("sid", "STAGED");

    assertEquals("STAGED", oktaUser("sid@example.com").status());
    assertNull(ready.getStatus().getActivated());
  }

  @Test
  void profileChangeKeepsOtherAttributes() {
    env.create(user("pat", "pat@example.com", UserState.STAGED));
    String id = env.awaitReady("pat").getStatus().getId();
    env.simulator.outOfBand().setProfileAttribute(id, "city", "Lisbon");

    env.editSpec("pat", spec -> spec.getProfile().setTitle("Staff Engineer"));
    env.awaitReady("pat");

    SimulatedUser inOkta = oktaUser(id);
    assertEquals("Staff Engineer", inOkta.profile().get("title"));
    assertEquals("Lisbon", inOkta.profile().get("city"));
    List<RecordedRequest> updates = env.oktaWrites().stream()
        .filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/users/" + id))
        .toList();
    assertEquals(1, updates.size(), "partial updates: " + updates);
    assertTrue(env.oktaWrites().stream().noneMatch(r -> r.method().equals("PUT")), "no strict replace");
  }

  @Test
  void attributeRemovedFromSpecIsClearedInOkta() {
    OktaUser rob = user("rob", "rob@example.com", UserState.STAGED);
    rob.getSpec().getProfile().setCostCenter("CC-42");
    rob.getSpec().getProfile().setCustomAttribute("badge", "B-17");
    env.create(rob);
    String id = env.awaitReady("rob").getStatus().getId();
    assertEquals("CC-42", oktaUser(id).profile().get("costCenter"));

    env.editSpec("rob", spec -> {
      spec.getProfile().setCostCenter(null);
      spec.getProfile().getCustomAttributes().remove("badge");
    });
    OktaUser ready = env.awaitReady("rob");

    assertNull(oktaUser(id).profile().get("costCenter"));
    assertNull(oktaUser(id).profile().get("badge"));
    assertFalse(ready.getStatus().getManagedAttributes().contains("costCenter"));
  }

  @Test
  void suspendsAndUnsuspendsUser() {
    env.createPasswordSecret("sue-credentials", "Correct-Horse-9");
    env.create(userWithPassword("sue", "sue@example.com", UserState.ACTIVE, "sue-credentials"));
    env.awaitOktaStatus("sue", "ACTIVE");

    env.editSpec("sue", spec -> spec.setState(UserState.SUSPENDED));
    env.awaitOktaStatus("sue", "SUSPENDED");
    assertEquals("SUSPENDED", oktaUser("sue@example.com").status());

    env.editSpec("sue", spec -> spec.setState(UserState.ACTIVE));
    env.awaitOktaStatus("sue", "ACTIVE");
    assertEquals("ACTIVE", oktaUser("sue@example.com").status());
  }

  @Test
  void deprovisionsAndReactivatesUser() {
    env.createPasswordSecret("dan-credentials", "Correct-Horse-9");
    env.create(userWithPassword("dan", "dan@example.com", UserState.ACTIVE, "dan-credentials"));
    env.awaitOktaStatus("dan", "ACTIVE");

    env.editSpec("dan", spec -> spec.setState(UserState.DEPROVISIONED));
    env.awaitOktaStatus("dan", "DEPROVISIONED");

    env.editSpec("dan", spec -> spec.setState(UserState.ACTIVE));
    OktaUser ready = await().atMost(TIMEOUT).until(
        () -> env.awaitReady("dan"), u -> !"DEPROVISIONED".equals(u.getStatus().getStatus()));
    String oktaStatus = oktaUser("dan@example.com").status();
    assertTrue(List.of("ACTIVE", "PROVISIONED").contains(oktaStatus), oktaStatus);
    assertEquals(oktaStatus, ready.getStatus().getStatus());
  }

  @Test
  void forbiddenTransitionGivesStalledWithoutRetryLoop() {
    env.createPasswordSecret("fay-credentials", "Correct-Horse-9");
    env.create(userWithPassword("fay", "fay@example.com", UserState.ACTIVE, "fay-credentials"));
    env.awaitOktaStatus("fay", "ACTIVE");
    int writesBefore = env.oktaWrites().size();

    env.editSpec("fay", spec -> spec.setState(UserState.STAGED));
    OktaUser stalled = env.awaitCondition("fay", Conditions.STALLED, "True");

    var condition = Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED);
    assertEquals("TransitionNotAllowed", condition.getReason());
    assertTrue(condition.getMessage().contains("spec.state"), condition.getMessage());
    int requestsAfterStall = env.simulator.requestLog().size();
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> env.simulator.requestLog().size() <= requestsAfterStall + 1);
    assertEquals(writesBefore, env.oktaWrites().size());
    await().atMost(TIMEOUT).until(() -> env.events("fay").stream()
        .anyMatch(e -> "Warning".equals(e.getType()) && "TransitionNotAllowed".equals(e.getReason())));
  }

  @Test
  void deletionPolicyDeleteRemovesUserFromOkta() {
    env.create(user("del", "del@example.com", UserState.STAGED));
    String id = env.awaitReady("del").getStatus().getId();

    env.resource("del").delete();

    await().atMost(TIMEOUT).until(() -> env.get("del") == null);
    assertTrue(env.simulator.findUser(id).isEmpty(), "Okta user still exists");
    List<String> writes = env.oktaWrites().stream().map(r -> r.method() + " " + r.path()).toList();
    assertTrue(writes.contains("POST /api/v1/users/" + id + "/lifecycle/deactivate"), writes.toString());
    assertTrue(writes.contains("DELETE /api/v1/users/" + id), writes.toString());
  }

  @Test
  void deletionPolicyDeactivateKeepsDeprovisionedUser() {
    OktaUser keep = user("keep", "keep@example.com", UserState.STAGED);
    keep.getSpec().setDeletionPolicy(DeletionPolicy.DEACTIVATE);
    env.create(keep);
    String id = env.awaitReady("keep").getStatus().getId();

    env.resource("keep").delete();

    await().atMost(TIMEOUT).until(() -> env.get("keep") == null);
    assertEquals("DEPROVISIONED", oktaUser(id).status());
  }

  @Test
  void deletionPolicyOrphanLeavesUserUntouched() {
    OktaUser orphan = user("orphan", "orphan@example.com", UserState.STAGED);
    orphan.getSpec().setDeletionPolicy(DeletionPolicy.ORPHAN);
    env.create(orphan);
    String id = env.awaitReady("orphan").getStatus().getId();
    int writesBefore = env.oktaWrites().size();

    env.resource("orphan").delete();

    await().atMost(TIMEOUT).until(() -> env.get("orphan") == null);
    assertEquals("STAGED", oktaUser(id).status());
    assertEquals(writesBefore, env.oktaWrites().size());
  }

  @Test
  void deletedUserIsRecreated() {
    resyncFrequently();
    env.create(user("gone", "gone@example.com", UserState.STAGED));
    String firstId = env.awaitReady("gone").getStatus().getId();

    env.simulator.outOfBand().delete(firstId);

    OktaUser recreated = await().atMost(TIMEOUT).until(
        () -> env.awaitReady("gone"), u -> !firstId.equals(u.getStatus().getId()));
    assertEquals("STAGED", oktaUser(recreated.getStatus().getId()).status());
    await().atMost(TIMEOUT).until(() -> env.events("gone").stream()
        .anyMatch(e -> "Recreated".equals(e.getReason()) && e.getMessage().contains(firstId)));
  }

  @Test
  void invalidSpecStallsWithoutOktaCall() {
    OktaUser bad = user("bad", "bad@example.com", UserState.ACTIVE);
    bad.getSpec().getProfile().setEmail("");
    env.create(bad);

    OktaUser stalled = env.awaitCondition("bad", Conditions.STALLED, "True");

    var condition = Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED);
    assertEquals("InvalidSpec", condition.getReason());
    assertTrue(condition.getMessage().contains("spec.profile.email"), condition.getMessage());
    assertTrue(env.simulator.requestLog().isEmpty(), "Okta requests: " + env.simulator.requestLog());
  }

  @Test
  void existingLoginStallsAsConflictWithoutWrite() {
    SimulatedUser existing = env.simulator.outOfBand().createUser(
        Map.of("login", "taken@example.com", "email", "taken@example.com", "firstName", "T", "lastName", "U"), "ACTIVE");
    env.create(user("taken", "Taken@Example.com", UserState.ACTIVE));

    OktaUser stalled = env.awaitCondition("taken", Conditions.STALLED, "True");

    var condition = Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED);
    assertEquals("LoginConflict", condition.getReason());
    assertTrue(condition.getMessage().contains(existing.id()), condition.getMessage());
    assertTrue(env.oktaWrites().isEmpty(), "Okta writes: " + env.oktaWrites());
  }

  @Test
  void passwordSecretChangeSetsNewPassword() {
    // No resync within the test: the Secret's own watch event starts the reconcile.
    env.createPasswordSecret("pam-credentials", "Correct-Horse-9");
    env.create(userWithPassword("pam", "pam@example.com", UserState.ACTIVE, "pam-credentials"));
    OktaUser first = env.awaitOktaStatus("pam", "ACTIVE");
    String firstVersion = first.getStatus().getPasswordSecretVersion();

    env.createPasswordSecret("pam-credentials", "Battery-Staple-7");

    OktaUser updated = await().atMost(TIMEOUT).until(
        () -> env.get("pam"), u -> !firstVersion.equals(u.getStatus().getPasswordSecretVersion()));
    assertNotNull(updated.getStatus().getPasswordSecretVersion());
    String id = updated.getStatus().getId();
    boolean passwordWritten = env.oktaWrites().stream()
        .anyMatch(r -> r.method().equals("POST") && r.path().equals("/api/v1/users/" + id));
    assertTrue(passwordWritten, "no update call carried the new password");
    List<Event> events = env.events("pam");
    assertTrue(events.stream().anyMatch(e -> "PasswordSet".equals(e.getReason())), events.toString());
    assertTrue(events.stream().noneMatch(e -> e.getMessage().contains("Battery-Staple-7")));
  }

  @Test
  void secretCreatedLaterIsPickedUpAtOnce() {
    env.close();
    // Neither a resync nor the SecretNotFound recheck falls within the test's timeout.
    env = OperatorTestEnvironment.start(
        new io.oktaoperator.reconciler.ReconcilerSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5)),
        OperatorTestEnvironment.TOKEN);
    env.create(userWithPassword("late", "late@example.com", UserState.ACTIVE, "late-credentials"));
    OktaUser waiting = env.awaitCondition("late", Conditions.STALLED, "True");
    assertEquals("SecretNotFound", Conditions.find(waiting.getStatus().getConditions(), Conditions.STALLED).getReason());

    env.createPasswordSecret("late-credentials", "Correct-Horse-9");

    env.awaitOktaStatus("late", "ACTIVE");
  }

  @Test
  void asyncActivationIsAwaitedByRequeue() {
    env.simulator.setAsyncTransitionDelay(Duration.ofMillis(600));
    env.createPasswordSecret("amy-credentials", "Correct-Horse-9");
    env.create(userWithPassword("amy", "amy@example.com", UserState.ACTIVE, "amy-credentials"));

    OktaUser transitioning = env.awaitCondition("amy", Conditions.RECONCILING, "True");
    assertEquals("AwaitingOktaTransition", Conditions.find(transitioning.getStatus().getConditions(), Conditions.RECONCILING).getReason());

    OktaUser ready = env.awaitOktaStatus("amy", "ACTIVE");
    assertNull(ready.getStatus().getTransitioningToStatus());
  }
}
