package io.oktaoperator.runtime;

import static io.oktaoperator.runtime.OperatorTestEnvironment.NAMESPACE;
import static io.oktaoperator.runtime.OperatorTestEnvironment.TIMEOUT;
import static io.oktaoperator.runtime.OperatorTestEnvironment.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.reconciler.Conditions;
import io.oktaoperator.simulator.SimulatedUser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Adoption, duplicates, administrator protection and pause, end to end. */
class OperatorSafetyTest {

  OperatorTestEnvironment env;

  @AfterEach
  void stopEnvironment() {
    if (env != null) {
      env.close();
    }
  }

  void start() {
    env = OperatorTestEnvironment.start();
  }

  SimulatedUser seed(String login, String status) {
    return env.simulator.outOfBand().createUser(
        Map.of("login", login, "email", login, "firstName", "Seeded", "lastName", "User"), status);
  }

  static String condition(OktaUser user, String type, String field) {
    var condition = Conditions.find(user.getStatus().getConditions(), type);
    return "reason".equals(field) ? condition.getReason() : condition.getMessage();
  }

  @Test
  void existingLoginWithoutAdoptStallsWithFix() {
    start();
    SimulatedUser existing = seed("lena@example.com", "ACTIVE");
    env.create(user("lena", "lena@example.com", UserState.ACTIVE));

    OktaUser stalled = env.awaitCondition("lena", Conditions.STALLED, "True");

    assertEquals("LoginConflict", condition(stalled, Conditions.STALLED, "reason"));
    String message = condition(stalled, Conditions.STALLED, "message");
    assertTrue(message.contains(existing.id()), message);
    assertTrue(message.contains("ACTIVE"), message);
    assertTrue(message.contains("spec.adopt"), message);
    assertTrue(env.oktaWrites().isEmpty(), "Okta writes: " + env.oktaWrites());
  }

  @Test
  void adoptsExistingUserAndEnforcesSpec() {
    start();
    SimulatedUser existing = seed("ada@example.com", "ACTIVE");
    OktaUser ada = user("ada", "ada@example.com", UserState.ACTIVE);
    ada.getSpec().setAdopt(true);
    ada.getSpec().getProfile().setTitle("Engineer");
    env.create(ada);

    OktaUser ready = env.awaitReady("ada");

    assertEquals(existing.id(), ready.getStatus().getId());
    assertEquals("Engineer", env.simulator.findUser(existing.id()).orElseThrow().profile().get("title"));
    assertEquals(1, env.oktaUsersWithLogin("ada@example.com"));
    await().atMost(TIMEOUT).until(() -> env.events("ada").stream().anyMatch(e -> "Adopted".equals(e.getReason())));
  }

  @Test
  void adoptionForbiddenOperatorWide() {
    env = OperatorTestEnvironment.start(
        OperatorTestEnvironment.FAST.withAdoptionAllowed(false), OperatorTestEnvironment.TOKEN);
    seed("nora@example.com", "ACTIVE");
    OktaUser nora = user("nora", "nora@example.com", UserState.ACTIVE);
    nora.getSpec().setAdopt(true);
    env.create(nora);

    OktaUser stalled = env.awaitCondition("nora", Conditions.STALLED, "True");

    assertEquals("LoginConflict", condition(stalled, Conditions.STALLED, "reason"));
    assertTrue(condition(stalled, Conditions.STALLED, "message").contains("forbids adoption"));
    assertTrue(env.oktaWrites().isEmpty(), "Okta writes: " + env.oktaWrites());
  }

  @Test
  void adoptedDeprovisionedUserIsNotReactivatedUnlessActive() {
    start();
    SimulatedUser existing = seed("dora@example.com", "DEPROVISIONED");
    OktaUser dora = user("dora", "dora@example.com", UserState.DEPROVISIONED);
    dora.getSpec().setAdopt(true);
    env.create(dora);

    OktaUser ready = env.awaitReady("dora");

    assertEquals(existing.id(), ready.getStatus().getId());
    assertEquals("DEPROVISIONED", env.simulator.findUser(existing.id()).orElseThrow().status());
    assertTrue(env.oktaWrites().isEmpty(), "Okta writes: " + env.oktaWrites());

    env.editSpec("dora", spec -> spec.setState(UserState.ACTIVE));
    await().atMost(TIMEOUT).until(
        () -> env.awaitReady("dora"), u -> !"DEPROVISIONED".equals(u.getStatus().getStatus()));
    assertTrue(env.oktaWrites().stream().anyMatch(r -> r.path().endsWith("/lifecycle/activate")));
  }

  @Test
  void duplicateLoginStallsLaterResourceWithoutWrites() {
    start();
    env.create(user("first", "dup@example.com", UserState.STAGED));
    String id = env.awaitReady("first").getStatus().getId();
    int writesBefore = env.oktaWrites().size();
    env.createNamespace("team-b");
    OktaUser second = user("second", "DUP@Example.com", UserState.ACTIVE);
    second.setMetadata(new ObjectMetaBuilder().withName("second").withNamespace("team-b").build());
    env.client().resource(second).create();

    OktaUser stalled = await().atMost(TIMEOUT).until(
        () -> env.client().resources(OktaUser.class).inNamespace("team-b").withName("second").get(),
        u -> u.getStatus() != null && "DuplicateLogin".equals(condition(u, Conditions.STALLED, "reason")));

    assertTrue(condition(stalled, Conditions.STALLED, "message").contains(NAMESPACE + "/first"));
    assertNull(stalled.getStatus().getId());
    assertEquals(writesBefore, env.oktaWrites().size());

    env.client().resources(OktaUser.class).inNamespace("team-b").withName("second").delete();
    await().atMost(TIMEOUT).until(() -> env.client().resources(OktaUser.class).inNamespace("team-b").withName("second").get() == null);
    assertEquals(writesBefore, env.oktaWrites().size());
    assertEquals("STAGED", env.simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void adminUserIsProtectedFromAdoption() {
    start();
    SimulatedUser admin = seed("root@example.com", "ACTIVE");
    env.simulator.outOfBand().assignAdminRole(admin.id(), "SUPER_ADMIN");
    OktaUser root = user("root", "root@example.com", UserState.SUSPENDED);
    root.getSpec().setAdopt(true);
    env.create(root);

    OktaUser stalled = env.awaitCondition("root", Conditions.STALLED, "True");

    assertEquals("AdminUserProtected", condition(stalled, Conditions.STALLED, "reason"));
    assertTrue(condition(stalled, Conditions.STALLED, "message").contains("SUPER_ADMIN"));
    assertTrue(env.oktaWrites().isEmpty(), "Okta writes: " + env.oktaWrites());
    assertEquals("ACTIVE", env.simulator.findUser(admin.id()).orElseThrow().status());
  }

  @Test
  void adminUserIsProtectedFromChanges() {
    start();
    env.create(user("boss", "boss@example.com", UserState.STAGED));
    String id = env.awaitReady("boss").getStatus().getId();
    env.simulator.outOfBand().assignAdminRole(id, "ORG_ADMIN");
    int writesBefore = env.oktaWrites().size();

    env.editSpec("boss", spec -> spec.getProfile().setTitle("Chief"));
    OktaUser stalled = env.awaitCondition("boss", Conditions.STALLED, "True");

    assertEquals("AdminUserProtected", condition(stalled, Conditions.STALLED, "reason"));
    assertEquals(writesBefore, env.oktaWrites().size());
    assertNull(env.simulator.findUser(id).orElseThrow().profile().get("title"));
  }

  @Test
  void adminUserIsChangedWhenOperatorAllowsIt() {
    env = OperatorTestEnvironment.start(
        OperatorTestEnvironment.FAST.withAdminUsersAllowed(true), OperatorTestEnvironment.TOKEN);
    env.create(user("chief", "chief@example.com", UserState.STAGED));
    String id = env.awaitReady("chief").getStatus().getId();
    env.simulator.outOfBand().assignAdminRole(id, "ORG_ADMIN");

    env.editSpec("chief", spec -> spec.getProfile().setTitle("Chief"));
    env.awaitReady("chief");

    assertEquals("Chief", env.simulator.findUser(id).orElseThrow().profile().get("title"));
  }

  @Test
  void pausedResourceMakesNoOktaWriteButStatusUpdates() {
    start();
    env.create(user("paula", "paula@example.com", UserState.STAGED));
    String id = env.awaitReady("paula").getStatus().getId();
    int writesBefore = env.oktaWrites().size();

    env.setPaused("paula", true);
    env.editSpec("paula", spec -> spec.getProfile().setTitle("Paused Title"));
    OktaUser paused = await().atMost(TIMEOUT).until(
        () -> env.get("paula"),
        u -> u.getStatus() != null && "Paused".equals(condition(u, Conditions.READY, "reason"))
            && u.getMetadata().getGeneration().equals(u.getStatus().getObservedGeneration()));

    assertEquals("False", Conditions.find(paused.getStatus().getConditions(), Conditions.READY).getStatus());
    assertEquals(writesBefore, env.oktaWrites().size());
    assertNull(env.simulator.findUser(id).orElseThrow().profile().get("title"));

    env.setPaused("paula", false);
    await().atMost(TIMEOUT).until(
        () -> "Paused Title".equals(env.simulator.findUser(id).orElseThrow().profile().get("title")));
    env.awaitReady("paula");
  }

  @Test
  void deletingPausedResourceLeavesOktaUser() {
    start();
    env.create(user("pia", "pia@example.com", UserState.STAGED));
    String id = env.awaitReady("pia").getStatus().getId();
    env.setPaused("pia", true);
    await().atMost(TIMEOUT).until(
        () -> env.get("pia"), u -> "Paused".equals(condition(u, Conditions.READY, "reason")));
    int writesBefore = env.oktaWrites().size();

    env.resource("pia").delete();

    await().atMost(TIMEOUT).until(() -> env.get("pia") == null);
    assertEquals(writesBefore, env.oktaWrites().size());
    assertEquals("STAGED", env.simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void permanentOktaRejectionIsNotRetriedUntilSpecChanges() {
    start();
    OktaUser weak = OperatorTestEnvironment.userWithPassword("weak", "weak@example.com", UserState.ACTIVE, "weak-credentials");
    env.createPasswordSecret("weak-credentials", "short");
    env.create(weak);

    OktaUser stalled = env.awaitCondition("weak", Conditions.STALLED, "True");
    assertEquals("OktaRejected", condition(stalled, Conditions.STALLED, "reason"));
    assertTrue(condition(stalled, Conditions.STALLED, "message").contains("password"),
        condition(stalled, Conditions.STALLED, "message"));
    int requests = env.simulator.requestLog().size();

    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
        .until(() -> env.simulator.requestLog().size() == requests);
  }
}
