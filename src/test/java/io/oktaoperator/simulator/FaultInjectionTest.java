package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
  private OktaSimulator simulator;
  private SimulatorClient client;
  private Faults faults;

  @BeforeEach
  void start() {
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").clock(clock).faultSeed(7).build());
    client = new SimulatorClient(simulator);
    faults = simulator.faults();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void latencyDelaysEveryRequest() {
    faults.latency(Duration.ofMillis(300));

    long start = System.nanoTime();
    SimulatorClient.Response response = client.get("/api/v1/users");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(200, response.status());
    assertTrue(elapsed.compareTo(Duration.ofMillis(300)) >= 0, "elapsed " + elapsed);
  }

  @Test
  void jitterStaysWithinBoundsAndRepeatsWithSeed() {
    faults.latency(Duration.ofMillis(100), Duration.ofMillis(50)).seed(42);
    List<Duration> first = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      first.add(faults.nextLatency());
    }
    faults.seed(42);
    List<Duration> second = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      second.add(faults.nextLatency());
    }

    assertEquals(first, second);
    for (Duration latency : first) {
      assertTrue(latency.compareTo(Duration.ofMillis(100)) >= 0, latency.toString());
      assertTrue(latency.compareTo(Duration.ofMillis(150)) < 0, latency.toString());
    }
    assertTrue(first.stream().distinct().count() > 1, "jitter varies: " + first);
  }

  @Test
  void serverErrorsRepeatWithSameSeed() {
    faults.serverErrors(0.2).seed(1234);
    List<Integer> first = statusesOf(50);
    faults.seed(1234);
    List<Integer> second = statusesOf(50);

    assertEquals(first, second);
    long errors = first.stream().filter(status -> status >= 500).count();
    assertTrue(errors >= 3, "5xx responses: " + errors + " of 50");
    assertTrue(errors <= 20, "5xx responses: " + errors + " of 50");
    assertTrue(first.contains(500), first.toString());
    assertTrue(first.contains(503), first.toString());
    assertTrue(first.stream().allMatch(status -> status == 200 || status == 500 || status == 503), first.toString());
  }

  @Test
  void serverErrorBodiesAreOktaErrors() {
    faults.serverErrors(1.0);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      SimulatorClient.Response response = client.post("/api/v1/users", createBody("user" + i + "@example.com"));
      String code = response.body().get("errorCode").asText();
      assertEquals(response.status() == 500 ? "E0000009" : "E0000010", code);
      assertEquals(code, response.body().get("errorLink").asText());
      assertNotNull(response.header("X-Rate-Limit-Remaining"));
      codes.add(code);
    }

    assertTrue(codes.contains("E0000009"));
    assertTrue(codes.contains("E0000010"));
    assertTrue(simulator.users().isEmpty(), "a 5xx fault applies nothing");
  }

  @Test
  void timeoutHoldsLongerThanClientWaits() {
    faults.timeouts(1.0, Duration.ofSeconds(30));

    UncheckedIOException thrown =
        assertThrows(
            UncheckedIOException.class,
            () -> client.withTimeout(Duration.ofMillis(300)).post("/api/v1/users", createBody("jane.doe@example.com")));

    assertInstanceOf(HttpTimeoutException.class, thrown.getCause());
    assertTrue(simulator.users().isEmpty(), "a held request is not applied before the hold ends");
  }

  @Test
  void closeEndsHeldRequestsAtOnce() {
    faults.timeouts(1.0, Duration.ofMinutes(5));
    CompletableFuture<SimulatorClient.Response> held =
        CompletableFuture.supplyAsync(() -> client.withTimeout(Duration.ofMinutes(1)).get("/api/v1/users"));
    await().atMost(Duration.ofSeconds(5)).until(() -> simulator.inFlightRequests() == 1);

    long start = System.nanoTime();
    simulator.close();
    simulator.close();
    Duration closing = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(closing.compareTo(Duration.ofSeconds(2)) < 0, "close took " + closing);
    await().atMost(Duration.ofSeconds(5)).until(held::isDone);
    assertTrue(held.isCompletedExceptionally(), "the held request gets no response");
    assertEquals(List.of(new RecordedRequest("GET", "/api/v1/users", "", RecordedRequest.NO_RESPONSE)), simulator.requestLog());
  }

  @Test
  void rateLimitNextRequestsGives429WithHeaders() {
    faults.rateLimitNextRequests(2);

    SimulatorClient.Response first = client.get("/api/v1/users/nobody@example.com");
    SimulatorClient.Response second = client.get("/api/v1/users");
    SimulatorClient.Response third = client.get("/api/v1/users");

    assertEquals(429, first.status());
    assertEquals("E0000047", first.body().get("errorCode").asText());
    assertEquals("500", first.header("X-Rate-Limit-Limit"), "the token's half of the bucket");
    assertEquals("0", first.header("X-Rate-Limit-Remaining"));
    assertTrue(first.header("X-Rate-Limit-Reset").matches("\\d{10}"));
    assertEquals(429, second.status());
    assertEquals("300", second.header("X-Rate-Limit-Limit"));
    assertEquals(200, third.status());
  }

  @Test
  void rateLimitForDurationEndsByClock() {
    faults.rateLimitFor(Duration.ofSeconds(90));

    SimulatorClient.Response limited = client.get("/api/v1/users");
    clock.advance(Duration.ofSeconds(89));
    int beforeEnd = client.get("/api/v1/users").status();
    clock.advance(Duration.ofSeconds(1));
    int afterEnd = client.get("/api/v1/users").status();

    assertEquals(429, limited.status());
    assertEquals("0", limited.header("X-Rate-Limit-Remaining"));
    long date = ZonedDateTime.parse(limited.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
    long secondsLeft = Long.parseLong(limited.header("X-Rate-Limit-Reset")) - date;
    assertTrue(secondsLeft >= 89, "Reset - Date = " + secondsLeft);
    assertTrue(secondsLeft <= 91, "Reset - Date = " + secondsLeft);
    assertEquals(429, beforeEnd);
    assertEquals(200, afterEnd);
  }

  @Test
  void rateLimitOverrideMakesTinyLimits() {
    faults.overrideRateLimits(1);

    SimulatorClient.Response first = client.get("/api/v1/users");
    SimulatorClient.Response second = client.get("/api/v1/users");
    faults.clear();
    SimulatorClient.Response afterClear = client.get("/api/v1/users");

    assertEquals(200, first.status());
    assertEquals("1", first.header("X-Rate-Limit-Limit"));
    assertEquals(429, second.status());
    assertEquals(200, afterClear.status());
    assertEquals("300", afterClear.header("X-Rate-Limit-Limit"));
  }

  @Test
  void overrideOfOneBucketLeavesOthers() {
    faults.overrideRateLimit(RateLimitBucket.USER_READ, 0);

    assertEquals(429, client.get("/api/v1/users/nobody@example.com").status());
    assertEquals(200, client.get("/api/v1/users").status());
  }

  @Test
  void scriptedErrorHitsOnlyNextMatchingRequest() {
    faults.onNextRequest("POST", "/api/v1/users", FaultAction.error(502, "E0000009", "Bad gateway"));

    SimulatorClient.Response list = client.get("/api/v1/users");
    SimulatorClient.Response failed = client.post("/api/v1/users", createBody("jane.doe@example.com"));
    SimulatorClient.Response retried = client.post("/api/v1/users", createBody("jane.doe@example.com"));

    assertEquals(200, list.status());
    assertEquals(502, failed.status());
    assertEquals("Bad gateway", failed.body().get("errorSummary").asText());
    assertEquals(200, retried.status());
    assertEquals(1, simulator.users().size());
    assertEquals(0, faults.pendingScriptedFaults());
  }

  @Test
  void scriptedFaultMatchesPathWildcards() {
    String id = client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).body().get("id").asText();
    faults.onNextRequest("*", "/api/v1/users/*/lifecycle/*", FaultAction.serviceUnavailable());

    int get = client.get("/api/v1/users/" + id).status();
    int suspend = client.post("/api/v1/users/" + id + "/lifecycle/suspend").status();

    assertEquals(200, get);
    assertEquals(503, suspend);
    assertEquals("ACTIVE", simulator.findUser(id).orElseThrow().status());
  }

  @Test
  void succeedThenDropConnectionCreatesUserWithoutResponse() {
    faults.onNextRequest("POST", "/api/v1/users", FaultAction.succeedThenDropConnection());
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest create =
        HttpRequest.newBuilder(simulator.baseUrl().resolve("/api/v1/users"))
            .header("Authorization", "SSWS test-token")
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(createBodyWithPassword("jane.doe@example.com")))
            .build();

    assertThrows(IOException.class, () -> http.send(create, HttpResponse.BodyHandlers.ofString()));

    assertTrue(simulator.findUser("jane.doe@example.com").isPresent(), "the create took effect");
    assertEquals(List.of(new RecordedRequest("POST", "/api/v1/users", "", RecordedRequest.NO_RESPONSE)), simulator.requestLog());
    assertEquals(400, client.post("/api/v1/users", createBodyWithPassword("jane.doe@example.com")).status());
  }

  @Test
  void dropConnectionAppliesNothing() {
    faults.onNextRequest("POST", "/api/v1/users", FaultAction.dropConnection());

    UncheckedIOException thrown =
        assertThrows(UncheckedIOException.class, () -> client.post("/api/v1/users", createBody("jane.doe@example.com")));

    assertFalse(thrown.getCause() instanceof HttpTimeoutException);
    assertTrue(simulator.users().isEmpty());
    assertEquals(RecordedRequest.NO_RESPONSE, simulator.requestLog().get(0).status());
  }

  @Test
  void succeedThenHoldAppliesBeforeClientTimesOut() {
    faults.onNextRequest("POST", "/api/v1/users", FaultAction.succeedThenHold(Duration.ofSeconds(30)));

    UncheckedIOException thrown =
        assertThrows(
            UncheckedIOException.class,
            () -> client.withTimeout(Duration.ofMillis(300)).post("/api/v1/users", createBody("jane.doe@example.com")));

    assertInstanceOf(HttpTimeoutException.class, thrown.getCause());
    assertTrue(simulator.findUser("jane.doe@example.com").isPresent());
  }

  @Test
  void scriptedRateLimitSendsZeroRemaining() {
    faults.onNextRequest("GET", "/api/v1/users/**", FaultAction.rateLimited());

    SimulatorClient.Response response = client.get("/api/v1/users/jane.doe@example.com");

    assertEquals(429, response.status());
    assertEquals("500", response.header("X-Rate-Limit-Limit"));
    assertEquals("0", response.header("X-Rate-Limit-Remaining"));
  }

  @Test
  void clearRemovesEveryFault() {
    faults
        .latency(Duration.ofSeconds(5))
        .serverErrors(1.0)
        .timeouts(1.0, Duration.ofMinutes(1))
        .rateLimitNextRequests(10)
        .rateLimitFor(Duration.ofMinutes(5))
        .overrideRateLimits(0)
        .onNextRequest("GET", "/api/v1/users", FaultAction.dropConnection());

    faults.clear();
    SimulatorClient.Response response = client.withTimeout(Duration.ofSeconds(2)).get("/api/v1/users");

    assertEquals(200, response.status());
    assertEquals(0, faults.pendingScriptedFaults());
  }

  @Test
  void faultedRequestsAreLoggedWithStatusSent() {
    faults.rateLimitNextRequests(1).onNextRequest("GET", "/api/v1/users", FaultAction.internalServerError());

    client.get("/api/v1/users");
    client.get("/api/v1/users?limit=1");
    client.get("/api/v1/users?limit=2");

    assertEquals(
        List.of(
            new RecordedRequest("GET", "/api/v1/users", "", 500),
            new RecordedRequest("GET", "/api/v1/users", "limit=1", 429),
            new RecordedRequest("GET", "/api/v1/users", "limit=2", 200)),
        simulator.requestLog());
  }

  @Test
  void invalidFaultSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> faults.serverErrors(1.5));
    assertThrows(IllegalArgumentException.class, () -> faults.timeouts(-0.1, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> faults.latency(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> faults.onNextRequest("GET", "api/v1/users", FaultAction.dropConnection()));
    assertThrows(IllegalArgumentException.class, () -> FaultAction.error(200, "E0000009", "not an error"));
  }

  private List<Integer> statusesOf(int requests) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      statuses.add(client.get("/api/v1/users").status());
    }
    return statuses;
  }
}
