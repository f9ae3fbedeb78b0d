package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests that the client logs one DEBUG line per HTTP call and nothing at INFO or above. */
class OktaClientLoggingTest {

  private static final String USER_ID = "00ub0oNGTSWTBKOLGLNR";
  private static final String CLIENT_LOGGER = OktaClient.class.getName();

  private MockOkta okta;
  private LogCapture logs;

  @BeforeEach
  void startMockOktaAndCapture() throws IOException {
    logs = new LogCapture();
    okta = new MockOkta();
  }

  @AfterEach
  void stopMockOktaAndCapture() {
    okta.close();
    logs.close();
  }

  @Test
  void logsOneDebugLinePerCall() {
    okta.enqueueJson(200, MockOkta.USER_JSON);
    okta.enqueueJson(200, "{}");
    okta.enqueueJson(404, "{\"errorCode\": \"E0000007\"}");

    okta.client.findUser(USER_ID);
    okta.client.suspend(USER_ID);
    okta.client.findUser("gone@example.com");

    List<ILoggingEvent> events = logs.eventsFrom(CLIENT_LOGGER);
    assertEquals(3, events.size(), events.toString());
    assertLine(events.get(0), "getUser GET /api/v1/users/" + USER_ID + " -> HTTP 200 in \\d+ ms");
    assertLine(events.get(1), "suspendUser POST /api/v1/users/" + USER_ID + "/lifecycle/suspend -> HTTP 200 in \\d+ ms");
    assertLine(events.get(2), "getUser GET /api/v1/users/gone%40example.com -> HTTP 404 in \\d+ ms");
  }

  @Test
  void logsSearchQueryAndEveryPage() {
    okta.enqueue(
        MockOkta.json(200, "[{\"id\": \"00u1\"}]")
            .addHeader("Link", "<" + okta.url("/api/v1/users?after=00u1&limit=1") + ">; rel=\"next\"")
            .build());
    okta.enqueueJson(200, "[{\"id\": \"00u2\"}]");

    okta.client.searchUsers("status eq \"ACTIVE\"", 1);

    List<ILoggingEvent> events = logs.eventsFrom(CLIENT_LOGGER);
    assertEquals(2, events.size(), events.toString());
    assertLine(events.get(0), "listUsers GET /api/v1/users\\?search=status%20eq%20%22ACTIVE%22&limit=1 -> HTTP 200 in \\d+ ms");
    assertLine(events.get(1), "listUsers GET /api/v1/users\\?after=00u1&limit=1 -> HTTP 200 in \\d+ ms");
  }

  @Test
  void logsTransportFailureAtDebug() throws IOException {
    okta.server.close();

    assertThrows(OktaTransportException.class, () -> okta.client.unlock(USER_ID));

    List<ILoggingEvent> events = logs.eventsFrom(CLIENT_LOGGER);
    assertEquals(1, events.size(), events.toString());
    assertLine(events.get(0), "unlockUser POST /api/v1/users/" + USER_ID + "/lifecycle/unlock failed after \\d+ ms: .+");
  }

  @Test
  void logsNothingAtInfoOrAbove() {
    okta.enqueueJson(200, MockOkta.USER_JSON);
    okta.enqueueJson(400, "{\"errorCode\": \"E0000001\"}");
    okta.enqueueJson(429, "{\"errorCode\": \"E0000047\"}");
    okta.enqueueJson(503, "");

    okta.client.createUser(NewUser.withProfile(Map.of("login", "a@example.com")), true);
    assertThrows(OktaValidationException.class, () -> okta.client.updateProfile(USER_ID, Map.of("title", "x")));
    assertThrows(OktaRateLimitException.class, () -> okta.client.deactivate(USER_ID));
    assertThrows(OktaServerException.class, () -> okta.client.delete(USER_ID));

    List<ILoggingEvent> events = logs.eventsFrom("io.oktaoperator.okta");
    assertEquals(4, events.size(), events.toString());
    for (ILoggingEvent event : events) {
      assertEquals(Level.DEBUG, event.getLevel(), event.toString());
    }
  }

  private static void assertLine(ILoggingEvent event, String messageRegex) {
    assertEquals(Level.DEBUG, event.getLevel(), event.toString());
    assertTrue(
        Pattern.matches(messageRegex, event.getFormattedMessage()),
        "expected /" + messageRegex + "/ but was: " + event.getFormattedMessage());
  }
}
