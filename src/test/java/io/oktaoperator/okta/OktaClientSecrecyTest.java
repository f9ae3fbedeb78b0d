package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The API token, passwords, recovery answers and activation tokens stay out of toString, exception
 * messages and log output, including at DEBUG.
 */
class OktaClientSecrecyTest {

  private static final String PASSWORD = "Pw-4b9e-never-log";
  private static final String RECOVERY_ANSWER = "Answer-77c1-never-log";
  private static final String ACTIVATION_TOKEN = "ActToken-5d02-never-log";
  private static final String USER_ID = "00ub0oNGTSWTBKOLGLNR";

  private MockOkta okta;
  private LogCapture logs;

  @BeforeEach
  void startMockOktaAndCapture() throws IOException {
    logs = new LogCapture();
    okta = new MockOkta(builder -> builder.readTimeout(Duration.ofMillis(300)));
  }

  @AfterEach
  void stopMockOktaAndCapture() {
    okta.close();
    logs.close();
  }

  @Test
  void tokenNotInClientOrBuilderToString() {
    OktaClient.Builder builder =
        OktaClient.builder().orgUrl(URI.create("https://acme.okta.com")).apiToken(SecretValue.of(MockOkta.TOKEN));

    try (OktaClient client = builder.build()) {
      assertFalse(client.toString().contains(MockOkta.TOKEN), client.toString());
      assertTrue(client.toString().contains("https://acme.okta.com"), client.toString());
    }
    assertFalse(builder.toString().contains(MockOkta.TOKEN), builder.toString());
    assertTrue(builder.toString().contains("[redacted]"), builder.toString());
  }

  @Test
  void secretsNotInExceptionMessagesOrLogs() throws Exception {
    List<Throwable> failures = new ArrayList<>();
    NewUser user =
        new NewUser(Map.of("login", "a@example.com"), SecretValue.of(PASSWORD), "Colour?", SecretValue.of(RECOVERY_ANSWER));

    okta.enqueueJson(
        400,
        """
        {"errorCode": "E0000001", "errorSummary": "Api validation failed: password", "errorId": "oae1",
         "errorCauses": [{"errorSummary": "password: Password requirements were not met."}]}
        """);
    failures.add(assertThrows(OktaValidationException.class, () -> okta.client.createUser(user, true)));
    // 429 comes last, because it closes the bucket of setPassword until the reset.
    for (int status : new int[] {401, 403, 404, 409, 500, 429}) {
      okta.enqueueJson(status, "{\"errorCode\": \"E0000000\", \"errorSummary\": \"status " + status + "\"}");
      failures.add(assertThrows(OktaApiException.class, () -> okta.client.setPassword(USER_ID, SecretValue.of(PASSWORD))));
    }
    failures.add(assertThrows(OktaRateLimitException.class, () -> okta.client.setPassword(USER_ID, SecretValue.of(PASSWORD))));
    okta.enqueueJson(200, "<html>not json</html>");
    failures.add(assertThrows(OktaTransportException.class, () -> okta.client.findUser(USER_ID)));
    okta.enqueue(
        MockOkta.json(200, "[]").addHeader("Link", "<https://elsewhere.example/api/v1/users?after=1>; rel=\"next\"").build());
    failures.add(assertThrows(OktaTransportException.class, () -> okta.client.searchUsers("status eq \"ACTIVE\"", 1)));
    okta.enqueue(MockOkta.json(200, MockOkta.USER_JSON).headersDelay(5, TimeUnit.SECONDS).build());
    failures.add(assertThrows(OktaTransportException.class, () -> okta.client.findUser(USER_ID)));
    failures.add(connectionRefusedFailure());

    assertEquals(12, failures.size());
    for (Throwable failure : failures) {
      assertNoSecretIn(describeChain(failure));
    }
    assertFalse(logs.eventsFrom("io.oktaoperator.okta").isEmpty(), "the client logged nothing at DEBUG");
    assertNoSecretIn(logs.allText());
    // The token did reach Okta, so its absence above does not come from it never being sent.
    assertEquals("SSWS " + MockOkta.TOKEN, okta.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void activationTokenNotLogged() throws Exception {
    okta.enqueueJson(
        200,
        "{\"activationUrl\": \"https://acme.okta.com/welcome/"
            + ACTIVATION_TOKEN
            + "\", \"activationToken\": \""
            + ACTIVATION_TOKEN
            + "\"}");
    okta.enqueueJson(200, "{\"activationToken\": \"" + ACTIVATION_TOKEN + "\"}");

    okta.client.activate(USER_ID, false);
    okta.client.reactivate(USER_ID, false);

    assertEquals(2, logs.eventsFrom("io.oktaoperator.okta").size());
    assertFalse(logs.allText().contains(ACTIVATION_TOKEN), logs.allText());
  }

  @Test
  void tokenNotInBuilderFailure() {
    List<Executable> builds =
        List.of(
            () -> buildWith("http://acme.okta.com", MockOkta.TOKEN),
            () -> buildWith("https://acme.okta.com/api", MockOkta.TOKEN),
            () -> buildWith("https://acme.okta.com", MockOkta.TOKEN + "\n"),
            () -> buildWith("https://acme.okta.com", " " + MockOkta.TOKEN));

    for (Executable build : builds) {
      IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, build);
      assertNoSecretIn(describeChain(failure));
    }
  }

  private OktaTransportException connectionRefusedFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    try (OktaClient client = buildWith("http://127.0.0.1:" + closedPort, MockOkta.TOKEN)) {
      return assertThrows(OktaTransportException.class, () -> client.suspend(USER_ID));
    }
  }

  private static OktaClient buildWith(String orgUrl, String token) {
    return OktaClient.builder()
        .orgUrl(URI.create(orgUrl))
        .apiToken(SecretValue.of(token))
        .allowInsecureLoopback(true)
        .build();
  }

  /** Returns toString of the throwable, its causes and suppressed throwables. */
  private static String describeChain(Throwable failure) {
    StringBuilder text = new StringBuilder();
    List<Throwable> pending = new ArrayList<>(List.of(failure));
    while (!pending.isEmpty()) {
      Throwable current = pending.remove(pending.size() - 1);
      text.append(current).append('\n');
      if (current.getCause() != null) {
        pending.add(current.getCause());
      }
      pending.addAll(List.of(current.getSuppressed()));
    }
    return text.toString();
  }

  private static void assertNoSecretIn(String text) {
    assertFalse(text.contains(MockOkta.TOKEN), "API token found in: " + text.replace(MockOkta.TOKEN, "<TOKEN>"));
    assertFalse(text.contains(PASSWORD), "password found in: " + text);
    assertFalse(text.contains(RECOVERY_ANSWER), "recovery answer found in: " + text);
  }
}
