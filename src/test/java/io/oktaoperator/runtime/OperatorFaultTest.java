package io.oktaoperator.runtime;

import static io.oktaoperator.runtime.OperatorTestEnvironment.NAMESPACE;
import static io.oktaoperator.runtime.OperatorTestEnvironment.TIMEOUT;
import static io.oktaoperator.runtime.OperatorTestEnvironment.user;
import static io.oktaoperator.runtime.OperatorTestEnvironment.userWithPassword;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.reconciler.Conditions;
import io.oktaoperator.simulator.FaultAction;
import io.oktaoperator.simulator.SimulatedUser;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator under Okta and Kubernetes faults. Each test ends by checking that Okta contains exactly
 * the expected users: none duplicated, none lost, none deleted by mistake.
 */
class OperatorFaultTest {

  static final Duration SLOW_TIMEOUT = Duration.ofSeconds(60);

  OperatorTestEnvironment env;

  @AfterEach
  void stopEnvironment() {
    if (env != null) {
      env.close();
    }
  }

  static String login(int index) {
    return "batch" + index + "@example.com";
  }

  /** Asserts that Okta contains one user for each expected login and no other user. */
  void assertOktaHoldsExactly(Set<String> logins) {
    List<String> actual = env.simulator.users().stream().map(u -> String.valueOf(u.profile().get("login")).toLowerCase()).sorted().toList();
    assertEquals(logins.stream().map(String::toLowerCase).sorted().toList(), actual);
  }

  void createBatch(int count, UserState state) {
    for (int i = 0; i < count; i++) {
      env.create(user("batch-" + i, login(i), state));
    }
  }

  void awaitBatchReady(int count, Duration timeout) {
    await().atMost(timeout).until(() -> IntStream.range(0, count).allMatch(i -> {
      OktaUser user = env.get("batch-" + i);
      var ready = user == null || user.getStatus() == null ? null : Conditions.find(user.getStatus().getConditions(), Conditions.READY);
      return ready != null && "True".equals(ready.getStatus()) && user.getMetadata().getGeneration().equals(ready.getObservedGeneration());
    }));
  }

  static Set<String> batchLogins(int count) {
    return IntStream.range(0, count).mapToObj(OperatorFaultTest::login).collect(Collectors.toSet());
  }

  @Test
  void createSurvivesOperatorStopAfterOktaCreatedUser() {
    env = OperatorTestEnvironment.start();
    env.createPasswordSecret("cara-credentials", "Correct-Horse-9");
    env.simulator.faults().onNextRequest("POST", "/api/v1/users", FaultAction.succeedThenDropConnection());
    env.create(userWithPassword("cara", "cara@example.com", UserState.ACTIVE, "cara-credentials"));

    // The create reached Okta, but its response never reached the operator: stop it right there.
    await().atMost(TIMEOUT).until(() -> env.simulator.requestLog().stream()
        .anyMatch(r -> r.method().equals("POST") && r.path().equals("/api/v1/users") && r.status() == 0));
    env.stopOperator();
    OktaUser interrupted = env.get("cara");
    assertNotNull(interrupted.getStatus().getCreateIntent(), "the create intent was not recorded");
    assertNull(interrupted.getStatus().getId());

    env.startOperator();
    OktaUser ready = env.awaitOktaStatus("cara", "ACTIVE");

    SimulatedUser inOkta = env.simulator.findUser("cara@example.com").orElseThrow();
    assertEquals(inOkta.id(), ready.getStatus().getId());
    assertNull(ready.getStatus().getCreateIntent());
    assertOktaHoldsExactly(Set.of("cara@example.com"));
    long creates = env.simulator.requestLog().stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/users")).count();
    assertEquals(1, creates, "the user was created twice");
    await().atMost(TIMEOUT).until(() -> env.events("cara").stream().anyMatch(e -> "CreateRecovered".equals(e.getReason())));
  }

  @Test
  void rateLimitStormConvergesWithBoundedRejections() {
    env = OperatorTestEnvironment.start();
    env.simulator.faults().rateLimitFor(Duration.ofSeconds(3));
    createBatch(10, UserState.STAGED);

    OktaUser waiting = await().atMost(TIMEOUT).until(() -> env.get("batch-0"), u -> u.getStatus() != null
        && Conditions.find(u.getStatus().getConditions(), Conditions.RECONCILING) != null
        && "RateLimited".equals(Conditions.find(u.getStatus().getConditions(), Conditions.RECONCILING).getReason()));
    assertEquals("True", Conditions.find(waiting.getStatus().getConditions(), Conditions.RECONCILING).getStatus());

    // Okta's reset header points at the end of the bucket's 60-second window, and the operator
    // honours it, so convergence takes about a minute.
    awaitBatchReady(10, Duration.ofSeconds(100));

    long rejected = env.simulator.requestLog().stream().filter(r -> r.status() == 429).count();
    // Without a client-side budget every reconcile would keep sending; with it each bucket is tried
    // about once per reset.
    assertTrue(rejected <= 30, "429 answers: " + rejected);
    assertOktaHoldsExactly(batchLogins(10));
  }

  @Test
  void attributeOktaRejectsStallsNamingIt() {
    env = OperatorTestEnvironment.start();
    env.simulator.faults().onNextRequest("POST", "/api/v1/users",
        FaultAction.error(400, "E0000001", "Api validation failed: costCenterCode"));
    OktaUser cole = user("cole", "cole@example.com", UserState.STAGED);
    cole.getSpec().getProfile().setCustomAttribute("costCenterCode", "CC-7");
    env.create(cole);

    OktaUser stalled = env.awaitCondition("cole", Conditions.STALLED, "True");

    var condition = Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED);
    assertEquals("OktaRejected", condition.getReason());
    assertTrue(condition.getMessage().contains("costCenterCode"), condition.getMessage());
    assertOktaHoldsExactly(Set.of());
  }

  @Test
  void serverErrorsRetriedUntilUsersExist() {
    env = OperatorTestEnvironment.start();
    env.simulator.faults().seed(42).serverErrors(0.2);
    createBatch(10, UserState.STAGED);

    awaitBatchReady(10, SLOW_TIMEOUT);

    assertTrue(env.simulator.requestLog().stream().anyMatch(r -> r.status() >= 500), "no 5xx was injected");
    assertOktaHoldsExactly(batchLogins(10));
  }

  @Test
  void deletionWaitsWhileOktaIsUnreachable() {
    env = OperatorTestEnvironment.start();
    env.create(user("gina", "gina@example.com", UserState.STAGED));
    String id = env.awaitReady("gina").getStatus().getId();
    env.create(user("keeper", "keeper@example.com", UserState.STAGED));
    env.awaitReady("keeper");
    for (int i = 0; i < 200; i++) {
      env.simulator.faults().onNextRequest("*", "/api/v1/users/**", FaultAction.dropConnection());
    }

    env.resource("gina").delete();
    OktaUser blocked = await().atMost(TIMEOUT).until(
        () -> env.get("gina"),
        u -> "OktaUnavailable".equals(Conditions.find(u.getStatus().getConditions(), Conditions.READY).getReason()));
    assertTrue(blocked.getMetadata().getFinalizers().contains(OktaUser.FINALIZER));
    env.simulator.faults().clear();

    await().atMost(SLOW_TIMEOUT).until(() -> env.get("gina") == null);
    assertTrue(env.simulator.findUser(id).isEmpty());
    assertOktaHoldsExactly(Set.of("keeper@example.com"));
  }

  @Test
  void kubernetesConflictOnStatusWriteIsRetried() {
    env = OperatorTestEnvironment.start();
    env.kubernetes.mockServer().expect().put()
        .withPath("/apis/oktaoperator.io/v1alpha1/namespaces/" + NAMESPACE + "/oktausers/kim/status")
        .andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict").withMessage("the object has been modified").build())
        .once();
    env.create(user("kim", "kim@example.com", UserState.STAGED));

    OktaUser ready = env.awaitReady("kim");

    assertNotNull(ready.getStatus().getId());
    assertOktaHoldsExactly(Set.of("kim@example.com"));
  }

  @Test
  void outOfBandChangesAreCorrected() {
    env = OperatorTestEnvironment.start(OperatorTestEnvironment.FREQUENT_RESYNC, OperatorTestEnvironment.TOKEN);
    env.createPasswordSecret("olga-credentials", "Correct-Horse-9");
    OktaUser olga = userWithPassword("olga", "olga@example.com", UserState.ACTIVE, "olga-credentials");
    olga.getSpec().getProfile().setDepartment("Finance");
    env.create(olga);
    String id = env.awaitOktaStatus("olga", "ACTIVE").getStatus().getId();

    env.simulator.outOfBand().suspend(id);
    await().atMost(TIMEOUT).until(() -> "ACTIVE".equals(env.simulator.findUser(id).orElseThrow().status()));

    env.simulator.outOfBand().setProfileAttribute(id, "department", "Sales");
    await().atMost(TIMEOUT).until(() -> "Finance".equals(env.simulator.findUser(id).orElseThrow().profile().get("department")));

    env.simulator.outOfBand().delete(id);
    OktaUser recreated = await().atMost(TIMEOUT).until(() -> env.get("olga"),
        u -> u.getStatus().getId() != null && !id.equals(u.getStatus().getId()));
    assertEquals("Finance", env.simulator.findUser(recreated.getStatus().getId()).orElseThrow().profile().get("department"));
    assertOktaHoldsExactly(Set.of("olga@example.com"));
  }

  @Test
  void operatorRestartDuringBatchOfCreates() {
    env = OperatorTestEnvironment.start();
    createBatch(50, UserState.STAGED);
    await().atMost(SLOW_TIMEOUT).until(() -> env.simulator.users().size() >= 10);

    env.stopOperator();
    env.startOperator();

    awaitBatchReady(50, SLOW_TIMEOUT);
    assertOktaHoldsExactly(batchLogins(50));
    Set<String> ids = IntStream.range(0, 50).mapToObj(i -> env.get("batch-" + i).getStatus().getId()).collect(Collectors.toSet());
    assertEquals(50, ids.size(), "two resources recorded the same Okta user");
  }

}
