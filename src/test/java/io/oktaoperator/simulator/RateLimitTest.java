package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    try (OktaSimulator defaults = OktaSimulator.start(SimulatorOptions.builder().build())) {
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
}
