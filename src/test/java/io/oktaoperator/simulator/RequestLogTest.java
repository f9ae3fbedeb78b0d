package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLogTest {

  private OktaSimulator simulator;
  private SimulatorClient client;

  @BeforeEach
  void start() {
    simulator =
        OktaSimulator.start(
            SimulatorOptions.builder().apiToken("test-token").rateLimit(RateLimitBucket.USER_READ, 1).build());
    client = new SimulatorClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void logIncludesRejectedRequests() {
    client.post("/api/v1/users?activate=false", TestUsers.createBody("jane.doe@example.com"));
    client.withAuthorization("SSWS wrong").get("/api/v1/users");
    client.get("/api/v1/users/missing%40example.com");
    client.get("/api/v1/users/missing%40example.com");

    List<RecordedRequest> log = simulator.requestLog();

    assertEquals(
        List.of(
            new RecordedRequest("POST", "/api/v1/users", "activate=false", 200),
            new RecordedRequest("GET", "/api/v1/users", "", 401),
            new RecordedRequest("GET", "/api/v1/users/missing%40example.com", "", 404),
            new RecordedRequest("GET", "/api/v1/users/missing%40example.com", "", 429)),
        log);
  }

  @Test
  void clearRequestLogEmptiesIt() {
    client.get("/api/v1/users");

    simulator.clearRequestLog();
    client.get("/api/v1/users?limit=5");

    assertEquals(List.of(new RecordedRequest("GET", "/api/v1/users", "limit=5", 200)), simulator.requestLog());
  }

  @Test
  void requestLogIsSnapshot() {
    List<RecordedRequest> before = simulator.requestLog();

    client.get("/api/v1/users");

    assertTrue(before.isEmpty());
    assertEquals(1, simulator.requestLog().size());
  }
}
