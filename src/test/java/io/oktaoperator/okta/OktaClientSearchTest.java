package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests of {@code searchUsers}, from the first request through Link pagination. */
class OktaClientSearchTest {

  private static final String EXPRESSION = "profile.login eq \"a+b@example.com\" and status eq \"ACTIVE\"";

  private MockOkta okta;

  @BeforeEach
  void startMockOkta() throws IOException {
    okta = new MockOkta();
  }

  @AfterEach
  void stopMockOkta() {
    okta.close();
  }

  @Test
  void sendsSearchExpressionAndLimit() throws Exception {
    okta.enqueueJson(200, "[]");

    List<OktaAccount> users = okta.client.searchUsers(EXPRESSION, 50);

    RecordedRequest request = okta.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/api/v1/users", request.getUrl().encodedPath());
    assertEquals(EXPRESSION, request.getUrl().queryParameter("search"));
    assertEquals("50", request.getUrl().queryParameter("limit"));
    // A '+' left unencoded in a query would reach Okta as a space.
    assertTrue(request.getTarget().contains("a%2Bb%40example.com"), request.getTarget());
    assertTrue(users.isEmpty());
  }

  @Test
  void followsNextLinkUntilAbsent() throws Exception {
    String self = "<" + okta.url("/api/v1/users?limit=2") + ">; rel=\"self\"";
    String page2 = okta.url("/api/v1/users?after=00u2&limit=2&search=status+eq+%22ACTIVE%22");
    String page3 = okta.url("/api/v1/users?after=00u4&limit=2&search=status+eq+%22ACTIVE%22");
    okta.enqueue(
        MockOkta.json(200, usersJson("00u1", "00u2"))
            .addHeader("Link", self)
            .addHeader("Link", "<" + page2 + ">; rel=\"next\"")
            .build());
    // Page 2 puts both links in one header, next first.
    okta.enqueue(
        MockOkta.json(200, usersJson("00u3", "00u4")).addHeader("Link", "<" + page3 + ">; rel=\"next\", " + self).build());
    okta.enqueue(MockOkta.json(200, usersJson("00u5")).addHeader("Link", self).build());

    List<OktaAccount> users = okta.client.searchUsers("status eq \"ACTIVE\"", 2);

    assertEquals(List.of("00u1", "00u2", "00u3", "00u4", "00u5"), users.stream().map(OktaAccount::id).toList());
    assertEquals(3, okta.server.getRequestCount());
    okta.takeRequest();
    assertEquals("/api/v1/users?after=00u2&limit=2&search=status+eq+%22ACTIVE%22", okta.takeRequest().getTarget());
    assertEquals("/api/v1/users?after=00u4&limit=2&search=status+eq+%22ACTIVE%22", okta.takeRequest().getTarget());
  }

  @Test
  void sendsTokenOnEveryPage() throws Exception {
    okta.enqueue(
        MockOkta.json(200, usersJson("00u1"))
            .addHeader("Link", "<" + okta.url("/api/v1/users?after=00u1") + ">; rel=\"next\"")
            .build());
    okta.enqueueJson(200, usersJson("00u2"));

    okta.client.searchUsers("status eq \"ACTIVE\"", 1);

    assertEquals("SSWS " + MockOkta.TOKEN, okta.takeRequest().getHeaders().get("Authorization"));
    assertEquals("SSWS " + MockOkta.TOKEN, okta.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void rejectsNextLinkToOtherHost() {
    okta.enqueue(
        MockOkta.json(200, usersJson("00u1"))
            .addHeader("Link", "<https://attacker.example/api/v1/users?after=00u1>; rel=\"next\"")
            .build());

    OktaTransportException failure =
        assertThrows(OktaTransportException.class, () -> okta.client.searchUsers("status eq \"ACTIVE\"", 1));

    assertTrue(failure.getMessage().contains("attacker.example"), failure.getMessage());
    assertEquals(1, okta.server.getRequestCount());
  }

  @Test
  void rejectsNextLinkToOtherPort() {
    int otherPort = okta.server.getPort() == 1 ? 2 : okta.server.getPort() - 1;
    okta.enqueue(
        MockOkta.json(200, usersJson("00u1"))
            .addHeader("Link", "<http://127.0.0.1:" + otherPort + "/api/v1/users?after=00u1>; rel=\"next\"")
            .build());

    assertThrows(OktaTransportException.class, () -> okta.client.searchUsers("status eq \"ACTIVE\"", 1));
    assertEquals(1, okta.server.getRequestCount());
  }

  @Test
  void stopsWhenNextLinkRepeatsAPage() {
    String first = okta.url("/api/v1/users?after=00u1");
    okta.enqueue(MockOkta.json(200, usersJson("00u1")).addHeader("Link", "<" + first + ">; rel=\"next\"").build());
    okta.enqueue(MockOkta.json(200, usersJson("00u2")).addHeader("Link", "<" + first + ">; rel=\"next\"").build());

    OktaTransportException failure =
        assertThrows(OktaTransportException.class, () -> okta.client.searchUsers("status eq \"ACTIVE\"", 1));

    assertTrue(failure.getMessage().contains("already read"), failure.getMessage());
    assertEquals(2, okta.server.getRequestCount());
  }

  @Test
  void mapsErrorOnLaterPage() {
    okta.enqueue(
        MockOkta.json(200, usersJson("00u1"))
            .addHeader("Link", "<" + okta.url("/api/v1/users?after=00u1") + ">; rel=\"next\"")
            .build());
    okta.enqueueJson(500, "{\"errorCode\": \"E0000009\", \"errorSummary\": \"Internal Server Error\"}");

    OktaServerException failure =
        assertThrows(OktaServerException.class, () -> okta.client.searchUsers("status eq \"ACTIVE\"", 1));

    assertEquals("E0000009", failure.errorCode());
    assertTrue(failure.getMessage().startsWith("listUsers GET /api/v1/users failed"), failure.getMessage());
  }

  @Test
  void rejectsInvalidSearchArguments() {
    assertThrows(IllegalArgumentException.class, () -> okta.client.searchUsers(" ", 10));
    assertThrows(IllegalArgumentException.class, () -> okta.client.searchUsers(null, 10));
    assertThrows(IllegalArgumentException.class, () -> okta.client.searchUsers("status eq \"ACTIVE\"", 0));
    assertEquals(0, okta.server.getRequestCount());
  }

  private static String usersJson(String... ids) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < ids.length; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"id\": \"")
          .append(ids[i])
          .append("\", \"status\": \"ACTIVE\", \"profile\": {\"login\": \"")
          .append(ids[i])
          .append("@example.com\"}, \"_links\": {\"self\": {\"href\": \"x\"}}}");
    }
    return json.append(']').toString();
  }
}
