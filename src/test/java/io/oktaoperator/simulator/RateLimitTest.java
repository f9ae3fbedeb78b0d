package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
  private OktaSimulator simulator;
  private SimulatorClient client;

  @BeforeEach
  void start() {
    simulator =
        OktaSimulator.start(
            SimulatorOptions.builder()
                .apiToken("test-token")
                .clock(clock)
                .rateLimit(RateLimitBucket.USER_READ, 3)
                .tokenSharePercent(100)
                .build());
    client = new SimulatorClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void everyResponseCarriesRateLimitAndDateHeaders() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();
    List<SimulatorClient.Response> responses = new ArrayList<>();
    responses.add(client.get("/api/v1/users"));
    responses.add(client.post("/api/v1/users/" + id + "/lifecycle/deactivate"));
    responses.add(client.delete("/api/v1/users/" + id));
    responses.add(client.post("/api/v1/users", "not json"));
    responses.add(client.withAuthorization("SSWS wrong").get("/api/v1/users"));
    responses.add(client.send("PATCH", "/api/v1/users", "{}", Map.of()));
    responses.add(client.get("/nowhere"));
    for (int i = 0; i < 4; i++) {
      responses.add(client.get("/api/v1/users/" + id));
    }

    List<Integer> statuses = responses.stream().map(SimulatorClient.Response::status).toList();
    assertEquals(List.of(200, 200, 204, 400, 401, 405, 404, 404, 404, 404, 429), statuses);
    for (SimulatorClient.Response response : responses) {
      assertTrue(response.header("X-Rate-Limit-Limit").matches("\\d+"), "limit on " + response.status());
      assertTrue(response.header("X-Rate-Limit-Remaining").matches("\\d+"), "remaining on " + response.status());
      assertTrue(response.header("X-Rate-Limit-Reset").matches("\\d{10}"), "reset on " + response.status());
      assertNotNull(response.header("Date"), "Date on " + response.status());
    }
  }

  @Test
  void exhaustedBucketGives429() {
    String id = client.post("/api/v1/users", createBody("jane.doe@example.com")).body().get("id").asText();

    List<String> remaining = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SimulatorClient.Response response = client.get("/api/v1/users/" + id);
      assertEquals(200, response.status());
      remaining.add(response.header("X-Rate-Limit-Remaining"));
    }
    SimulatorClient.Response limited = client.get("/api/v1/users/" + id);

    assertEquals(List.of("2", "1", "0"), remaining);
    assertEquals(429, limited.status());
    assertEquals("E0000047", limited.body().get("errorCode").asText());
    assertEquals("API call exceeded rate limit due to too many requests.", limited.body().get("errorSummary").asText());
    assertEquals("3", limited.header("X-Rate-Limit-Limit"));
    assertEquals("0", limited.header("X-Rate-Limit-Remaining"));
  }

  @Test
  void windowResetsAfterAMinute() {
    for (int i = 0; i < 3; i++) {
      client.get("/api/v1/users/nobody@example.com");
    }
    assertEquals(429, client.get("/api/v1/users/nobody@example.com").status());

    clock.advance(Duration.ofSeconds(59));
    int beforeReset = client.get("/api/v1/users/nobody@example.com").status();
    clock.advance(Duration.ofSeconds(1));
    SimulatorClient.Response afterReset = client.get("/api/v1/users/nobody@example.com");

    assertEquals(429, beforeReset);
    assertEquals(404, afterReset.status());
    assertEquals("2", afterReset.header("X-Rate-Limit-Remaining"));
  }

  @Test
  void bucketsCountSeparately() {
    for (int i = 0; i < 4; i++) {
      client.get("/api/v1/users/nobody@example.com");
    }

    SimulatorClient.Response list = client.get("/api/v1/users");
    SimulatorClient.Response create = client.post("/api/v1/users", createBody("jane.doe@example.com"));
    SimulatorClient.Response lifecycle = client.post("/api/v1/users/jane.doe@example.com/lifecycle/deactivate");

    assertEquals(200, list.status());
    assertEquals("600", list.header("X-Rate-Limit-Limit"));
    assertEquals("599", list.header("X-Rate-Limit-Remaining"));
    assertEquals("598", create.header("X-Rate-Limit-Remaining"), "list and create share a bucket");
    assertEquals("600", lifecycle.header("X-Rate-Limit-Limit"));
    assertEquals("599", lifecycle.header("X-Rate-Limit-Remaining"));
  }

  @Test
  void defaultLimitsFollowEnterprisePlan() {
    try (OktaSimulator defaults = OktaSimulator.start(SimulatorOptions.builder().tokenSharePercent(100).build())) {
      SimulatorClient defaultClient = new SimulatorClient(defaults);

      assertEquals("600", defaultClient.get("/api/v1/users").header("X-Rate-Limit-Limit"));
      assertEquals("1000", defaultClient.get("/api/v1/users/x@example.com").header("X-Rate-Limit-Limit"));
      assertEquals("600", defaultClient.delete("/api/v1/users/x@example.com").header("X-Rate-Limit-Limit"));
    }
  }

  @Test
  void resetIsWithinTheWindowAfterDate() {
    client.get("/api/v1/users/nobody@example.com");
    clock.advance(Duration.ofSeconds(20));

    SimulatorClient.Response response = client.get("/api/v1/users/nobody@example.com");

    long date = ZonedDateTime.parse(response.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
    long reset = Long.parseLong(response.header("X-Rate-Limit-Reset"));
    long secondsLeft = reset - date;
    assertTrue(secondsLeft >= 39, "Reset - Date = " + secondsLeft);
    assertTrue(secondsLeft <= 41, "Reset - Date = " + secondsLeft);
  }

  @Test
  void tokenGetsHalfOfBucketByDefault() {
    try (OktaSimulator shared =
        OktaSimulator.start(
            SimulatorOptions.builder()
                .apiToken("first")
                .token("second", ApiToken.USERS_READ)
                .clock(clock)
                .rateLimit(RateLimitBucket.USER_READ, 4)
                .build())) {
      SimulatorClient first = new SimulatorClient(shared);
      SimulatorClient second = first.withAuthorization("SSWS second");

      List<Integer> firstStatuses = new ArrayList<>();
      List<String> firstRemaining = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        SimulatorClient.Response response = first.get("/api/v1/users/nobody@example.com");
        firstStatuses.add(response.status());
        firstRemaining.add(response.header("X-Rate-Limit-Remaining"));
      }
      SimulatorClient.Response secondToken = second.get("/api/v1/users/nobody@example.com");

      assertEquals(List.of(404, 404, 429), firstStatuses);
      assertEquals(List.of("1", "0", "0"), firstRemaining);
      assertEquals("2", first.get("/api/v1/users/nobody@example.com").header("X-Rate-Limit-Limit"));
      assertEquals(404, secondToken.status(), "another token has its own share");
      assertEquals("2", secondToken.header("X-Rate-Limit-Limit"));
    }
  }

  @Test
  void orgLimitBindsWhenTokensTogetherUseIt() {
    try (OktaSimulator shared =
        OktaSimulator.start(
            SimulatorOptions.builder()
                .apiToken("first")
                .token("second", ApiToken.USERS_READ)
                .token("third", ApiToken.USERS_READ)
                .clock(clock)
                .rateLimit(RateLimitBucket.USER_READ, 3)
                .tokenSharePercent(60)
                .build())) {
      SimulatorClient first = new SimulatorClient(shared);

      first.get("/api/v1/users/nobody@example.com");
      first.get("/api/v1/users/nobody@example.com");
      SimulatorClient.Response second = first.withAuthorization("SSWS second").get("/api/v1/users/nobody@example.com");
      SimulatorClient.Response third = first.withAuthorization("SSWS third").get("/api/v1/users/nobody@example.com");

      assertEquals(404, second.status());
      assertEquals("3", second.header("X-Rate-Limit-Limit"), "the org's limit is the one that binds");
      assertEquals("0", second.header("X-Rate-Limit-Remaining"));
      assertEquals(429, third.status());
    }
  }

  @Test
  void integratorFreeProfileHasLowLimits() {
    try (OktaSimulator free =
        OktaSimulator.start(
            SimulatorOptions.builder().rateLimitProfile(RateLimitProfile.parse("integrator-free")).build())) {
      SimulatorClient freeClient = new SimulatorClient(free);

      assertEquals("50", freeClient.get("/api/v1/users").header("X-Rate-Limit-Limit"));
      assertEquals("50", freeClient.get("/api/v1/users/x@example.com").header("X-Rate-Limit-Limit"));
      assertEquals(35, RateLimitProfile.INTEGRATOR_FREE.concurrencyLimit());
    }
  }

  @Test
  void workforceProfileRaisesReadLimit() {
    try (OktaSimulator workforce =
        OktaSimulator.start(
            SimulatorOptions.builder()
                .rateLimitProfile(RateLimitProfile.WORKFORCE_IDENTITY)
                .tokenSharePercent(100)
                .build())) {
      SimulatorClient workforceClient = new SimulatorClient(workforce);

      assertEquals("2000", workforceClient.get("/api/v1/users/x@example.com").header("X-Rate-Limit-Limit"));
      assertEquals("1200", workforceClient.post("/api/v1/users/x/lifecycle/suspend").header("X-Rate-Limit-Limit"));
    }
  }

  @Test
  void unknownProfileNameIsRejected() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> RateLimitProfile.parse("gold"));

    assertTrue(error.getMessage().contains("integrator-free"), error.getMessage());
  }

  @Test
  void concurrencyLimitGives429WithLimitZero() {
    try (OktaSimulator limited =
        OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").concurrencyLimit(2).build())) {
      SimulatorClient limitedClient = new SimulatorClient(limited);
      limited.faults().onNextRequest("GET", "/api/v1/users", FaultAction.hold(Duration.ofMinutes(1)));
      limited.faults().onNextRequest("GET", "/api/v1/users", FaultAction.hold(Duration.ofMinutes(1)));
      CompletableFuture<?> firstHeld = CompletableFuture.runAsync(() -> limitedClient.get("/api/v1/users"));
      CompletableFuture<?> secondHeld = CompletableFuture.runAsync(() -> limitedClient.get("/api/v1/users"));
      await().atMost(Duration.ofSeconds(5)).until(() -> limited.inFlightRequests() == 2);

      SimulatorClient.Response rejected = limitedClient.get("/api/v1/users/x@example.com");
      limited.close();

      assertEquals(429, rejected.status());
      assertEquals("E0000047", rejected.body().get("errorCode").asText());
      assertEquals("0", rejected.header("X-Rate-Limit-Limit"));
      assertEquals("0", rejected.header("X-Rate-Limit-Remaining"));
      assertTrue(rejected.header("X-Rate-Limit-Reset").matches("\\d{10}"));
      assertNotNull(rejected.header("Date"));
      await().atMost(Duration.ofSeconds(5)).until(() -> firstHeld.isDone() && secondHeld.isDone());
    }
  }

  @Test
  void unlimitedBucketAcceptsRequests() {
    try (OktaSimulator unlimited = OktaSimulator.start(
        SimulatorOptions.builder().apiToken("test-token").rateLimit(RateLimitBucket.USER_READ, Integer.MAX_VALUE).build())) {
      SimulatorClient unlimitedClient = new SimulatorClient(unlimited);

      SimulatorClient.Response response = unlimitedClient.get("/api/v1/users/nobody@example.com");

      assertEquals(404, response.status());
      assertTrue(Long.parseLong(response.header("X-Rate-Limit-Limit")) > 1_000_000, response.header("X-Rate-Limit-Limit"));
    }
  }

  @Test
  void concurrencyFreesUpWhenRequestsEnd() {
    try (OktaSimulator limited =
        OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").concurrencyLimit(1).build())) {
      SimulatorClient limitedClient = new SimulatorClient(limited);

      for (int i = 0; i < 5; i++) {
        assertEquals(200, limitedClient.get("/api/v1/users").status(), "sequential request " + i);
      }
      assertEquals(0, limited.inFlightRequests());
    }
  }

  @Test
  void bucketsMatchExactPathBeforePrefix() {
    assertEquals(RateLimitBucket.USERS_COLLECTION, RateLimitBucket.forRequest("GET", List.of("api", "v1", "users")));
    assertEquals(RateLimitBucket.USERS_COLLECTION, RateLimitBucket.forRequest("POST", List.of("api", "v1", "users")));
    assertEquals(RateLimitBucket.OTHER_API, RateLimitBucket.forRequest("DELETE", List.of("api", "v1", "users")));
    assertEquals(RateLimitBucket.USER_READ, RateLimitBucket.forRequest("GET", List.of("api", "v1", "users", "00u1")));
    assertEquals(RateLimitBucket.USER_WRITE, RateLimitBucket.forRequest("PUT", List.of("api", "v1", "users", "00u1")));
    assertEquals(RateLimitBucket.USER_WRITE, RateLimitBucket.forRequest("DELETE", List.of("api", "v1", "users", "00u1")));
    assertEquals(
        RateLimitBucket.OTHER_API,
        RateLimitBucket.forRequest("POST", List.of("api", "v1", "users", "00u1", "lifecycle", "suspend")));
    assertEquals(RateLimitBucket.OTHER_API, RateLimitBucket.forRequest("GET", List.of("nowhere")));
  }
}
