package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each operation's method, path, query, headers and body, and the parsing of Okta's responses. */
class OktaClientRequestTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String USER_ID = "00ub0oNGTSWTBKOLGLNR";

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
  void sendsSswsAuthorizationHeader() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);

    okta.client.findUser(USER_ID);

    RecordedRequest request = okta.takeRequest();
    assertEquals("SSWS " + MockOkta.TOKEN, request.getHeaders().get("Authorization"));
  }

  @Test
  void sendsJsonAndUserAgentHeaders() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);

    okta.client.findUser(USER_ID);

    RecordedRequest request = okta.takeRequest();
    assertEquals("application/json", request.getHeaders().get("Accept"));
    assertEquals("application/json", request.getHeaders().get("Content-Type"));
    String userAgent = request.getHeaders().get("User-Agent");
    assertNotNull(userAgent);
    assertTrue(userAgent.startsWith("okta-user-operator/"), userAgent);
  }

  @Test
  void createUserSendsProfileAndBothCredentials() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("login", "isaac.brock@example.com");
    profile.put("email", "isaac.brock@example.com");
    profile.put("employeeLevel", 7);
    NewUser user =
        new NewUser(profile, SecretValue.of("Tlpdq5!x"), "Favourite colour?", SecretValue.of("blue"));

    OktaAccount created = okta.client.createUser(user, true);

    RecordedRequest request = okta.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v1/users?activate=true", request.getTarget());
    assertEquals("application/json", request.getHeaders().get("Content-Type"));
    JsonNode expected =
        MAPPER.readTree(
            """
            {"profile": {"login": "isaac.brock@example.com", "email": "isaac.brock@example.com", "employeeLevel": 7},
             "credentials": {"password": {"value": "Tlpdq5!x"},
                             "recovery_question": {"question": "Favourite colour?", "answer": "blue"}}}
            """);
    assertEquals(expected, bodyOf(request));
    assertEquals(USER_ID, created.id());
  }

  @Test
  void createUserWithoutCredentialsOmitsCredentials() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);

    okta.client.createUser(NewUser.withProfile(Map.of("login", "a@example.com")), false);

    RecordedRequest request = okta.takeRequest();
    assertEquals("/api/v1/users?activate=false", request.getTarget());
    assertEquals(MAPPER.readTree("{\"profile\": {\"login\": \"a@example.com\"}}"), bodyOf(request));
  }

  @Test
  void createUserWithPasswordOnlyOmitsRecoveryQuestion() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);
    NewUser user = new NewUser(Map.of("login", "a@example.com"), SecretValue.of("pw-1"), null, null);

    okta.client.createUser(user, true);

    JsonNode credentials = bodyOf(okta.takeRequest()).get("credentials");
    assertEquals(MAPPER.readTree("{\"password\": {\"value\": \"pw-1\"}}"), credentials);
  }

  @Test
  void createUserRejectsQuestionWithoutAnswer() {
    NewUser user = new NewUser(Map.of("login", "a@example.com"), null, "Favourite colour?", null);

    assertThrows(IllegalArgumentException.class, () -> okta.client.createUser(user, true));
    assertEquals(0, okta.server.getRequestCount());
  }

  @Test
  void createUserRejectsMissingProfile() {
    NewUser user = new NewUser(null, null, null, null);

    assertThrows(IllegalArgumentException.class, () -> okta.client.createUser(user, true));
    assertEquals(0, okta.server.getRequestCount());
  }

  @Test
  void findUserGetsUserById() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);

    Optional<OktaAccount> found = okta.client.findUser(USER_ID);

    RecordedRequest request = okta.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/api/v1/users/" + USER_ID, request.getTarget());
    assertTrue(found.isPresent());
    assertEquals(USER_ID, found.get().id());
  }

  @Test
  void findUserEncodesLoginAsOnePathSegment() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);

    okta.client.findUser("jane+test/ops?x@example.com");

    RecordedRequest request = okta.takeRequest();
    assertEquals("/api/v1/users/jane%2Btest%2Fops%3Fx%40example.com", request.getTarget());
    assertEquals("jane+test/ops?x@example.com", request.getUrl().pathSegments().get(3));
  }

  @Test
  void findUserReturnsEmptyOnNotFound() throws Exception {
    okta.enqueueJson(
        404,
        """
        {"errorCode": "E0000007", "errorSummary": "Not found: Resource not found: gone@example.com (User)",
         "errorLink": "E0000007", "errorId": "oaeNotFound", "errorCauses": []}
        """);

    Optional<OktaAccount> found = okta.client.findUser("gone@example.com");

    assertTrue(found.isEmpty());
    assertEquals("/api/v1/users/gone%40example.com", okta.takeRequest().getTarget());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", ".", ".."})
  void rejectsIdThatIsNotOnePathSegment(String id) {
    assertThrows(IllegalArgumentException.class, () -> okta.client.findUser(id));
    assertThrows(IllegalArgumentException.class, () -> okta.client.suspend(id));
    assertEquals(0, okta.server.getRequestCount());
  }

  @Test
  void parsesUserTimestampsAndProfile() {
    okta.enqueueJson(200, MockOkta.USER_JSON);

    OktaAccount user = okta.client.findUser(USER_ID).orElseThrow();

    assertEquals(USER_ID, user.id());
    assertEquals("ACTIVE", user.status());
    assertNull(user.transitioningToStatus());
    assertEquals(Instant.parse("2013-06-24T16:39:18Z"), user.created());
    assertEquals(Instant.parse("2013-06-24T16:39:19Z"), user.activated());
    assertEquals(Instant.parse("2013-06-24T16:39:19Z"), user.statusChanged());
    assertNull(user.lastLogin());
    assertEquals(Instant.parse("2013-07-02T21:36:25.344Z"), user.lastUpdated());
    assertEquals(Instant.parse("2013-07-02T21:36:25.344Z"), user.passwordChanged());
    assertEquals("isaac.brock@example.com", user.login());
  }

  @Test
  void keepsCustomProfileAttributesOfAnyJsonType() {
    okta.enqueueJson(200, MockOkta.USER_JSON);

    Map<String, Object> profile = okta.client.findUser(USER_ID).orElseThrow().profile();

    assertEquals(7, profile.get("employeeLevel"));
    assertEquals(false, profile.get("contractor"));
    assertEquals(List.of("blue", "red"), profile.get("badges"));
    assertEquals(Map.of("building", "301", "floor", 4), profile.get("office"));
    assertTrue(profile.containsKey("mobilePhone"));
    assertNull(profile.get("mobilePhone"));
  }

  @Test
  void readsUserWithOnlyAnId() {
    okta.enqueueJson(200, "{\"id\": \"00u1\", \"somethingNew\": {\"nested\": true}}");

    OktaAccount user = okta.client.findUser("00u1").orElseThrow();

    assertEquals("00u1", user.id());
    assertNull(user.status());
    assertNull(user.created());
    assertEquals(Map.of(), user.profile());
  }

  @Test
  void acceptsTransitioningToStatus() {
    okta.enqueueJson(
        200, "{\"id\": \"00u1\", \"status\": \"STAGED\", \"transitioningToStatus\": \"ACTIVE\", \"profile\": {}}");

    OktaAccount user = okta.client.findUser("00u1").orElseThrow();

    assertEquals("STAGED", user.status());
    assertEquals("ACTIVE", user.transitioningToStatus());
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html>502 Bad Gateway</html>", "[]", "{\"status\": \"ACTIVE\"}", ""})
  void rejectsSuccessBodyThatIsNotAUser(String body) {
    okta.enqueueJson(200, body);

    OktaTransportException failure = assertThrows(OktaTransportException.class, () -> okta.client.findUser("00u1"));

    assertTrue(failure.getMessage().startsWith("getUser GET /api/v1/users/00u1 "), failure.getMessage());
    assertTrue(failure.getMessage().contains("HTTP 200"), failure.getMessage());
  }

  @Test
  void updateProfileSendsOnlyTheChanges() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);

    okta.client.updateProfile(USER_ID, Map.of("department", "Engineering"));

    RecordedRequest request = okta.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v1/users/" + USER_ID, request.getTarget());
    assertEquals(MAPPER.readTree("{\"profile\": {\"department\": \"Engineering\"}}"), bodyOf(request));
  }

  @Test
  void updateProfileSendsNullValueAsJsonNull() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);
    Map<String, Object> changes = new HashMap<>();
    changes.put("nickName", null);
    changes.put("title", "Director");

    okta.client.updateProfile(USER_ID, changes);

    JsonNode profile = bodyOf(okta.takeRequest()).get("profile");
    assertTrue(profile.has("nickName"), "nickName must be present to clear it: " + profile);
    assertTrue(profile.get("nickName").isNull(), profile.toString());
    assertEquals("Director", profile.get("title").asText());
  }

  @Test
  void setPasswordSendsOnlyThePassword() throws Exception {
    okta.enqueueJson(200, MockOkta.USER_JSON);

    OktaAccount updated = okta.client.setPassword(USER_ID, SecretValue.of("n3w-Secret!"));

    RecordedRequest request = okta.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v1/users/" + USER_ID, request.getTarget());
    assertEquals(MAPPER.readTree("{\"credentials\": {\"password\": {\"value\": \"n3w-Secret!\"}}}"), bodyOf(request));
    assertEquals(USER_ID, updated.id());
  }

  @Test
  void activateSendsEmptyPostWithSendEmail() throws Exception {
    okta.enqueueJson(
        200, "{\"activationUrl\": \"https://acme.okta.com/welcome/XE6wE17zmphl3KqAPFxO\", \"activationToken\": \"XE6wE17zmphl3KqAPFxO\"}");

    okta.client.activate(USER_ID, false);

    RecordedRequest request = okta.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v1/users/" + USER_ID + "/lifecycle/activate?sendEmail=false", request.getTarget());
    assertEmptyBody(request);
  }

  @Test
  void reactivateSendsEmptyPostWithSendEmail() throws Exception {
    okta.enqueueJson(200, "{}");

    okta.client.reactivate(USER_ID, true);

    RecordedRequest request = okta.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v1/users/" + USER_ID + "/lifecycle/reactivate?sendEmail=true", request.getTarget());
    assertEmptyBody(request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"deactivate", "suspend", "unsuspend", "unlock"})
  void lifecycleCallSendsEmptyPost(String action) throws Exception {
    Map<String, BiConsumer<OktaClient, String>> calls =
        Map.of(
            "deactivate", OktaClient::deactivate,
            "suspend", OktaClient::suspend,
            "unsuspend", OktaClient::unsuspend,
            "unlock", OktaClient::unlock);
    // Okta responds to deactivate with an empty body, and to the others with {}.
    okta.enqueueJson(200, action.equals("deactivate") ? "" : "{}");

    calls.get(action).accept(okta.client, USER_ID);

    RecordedRequest request = okta.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v1/users/" + USER_ID + "/lifecycle/" + action, request.getTarget());
    assertEmptyBody(request);
  }

  @Test
  void deleteSendsDelete() throws Exception {
    okta.enqueue(new mockwebserver3.MockResponse.Builder().code(204).build());

    okta.client.delete(USER_ID);

    RecordedRequest request = okta.takeRequest();
    assertEquals("DELETE", request.getMethod());
    assertEquals("/api/v1/users/" + USER_ID, request.getTarget());
    assertEquals(0, request.getBodySize());
  }

  @Test
  void rejectsCallsAfterClose() {
    okta.client.close();

    assertThrows(IllegalStateException.class, () -> okta.client.findUser(USER_ID));
    assertEquals(0, okta.server.getRequestCount());
  }

  @Test
  void closeShutsDownDispatcherAndPool() {
    okta.enqueueJson(200, MockOkta.USER_JSON);
    okta.client.findUser(USER_ID);

    okta.client.close();

    assertTrue(okta.client.httpClient().dispatcher().executorService().isShutdown());
    assertEquals(0, okta.client.httpClient().connectionPool().connectionCount());
  }

  @Test
  void recordsRateLimitHeadersPerEndpoint() {
    okta.enqueue(
        MockOkta.json(200, MockOkta.USER_JSON)
            .setHeader("X-Rate-Limit-Limit", "1000")
            .setHeader("X-Rate-Limit-Remaining", "998")
            .setHeader("X-Rate-Limit-Reset", "1609459200")
            .build());
    okta.enqueue(
        MockOkta.json(200, "{}")
            .setHeader("X-Rate-Limit-Limit", "600")
            .setHeader("X-Rate-Limit-Remaining", "17")
            .setHeader("X-Rate-Limit-Reset", "1609459260")
            .build());
    assertTrue(okta.client.lastRateLimit().isEmpty());

    okta.client.findUser(USER_ID);
    okta.client.suspend(USER_ID);

    RateLimitSnapshot getUser =
        new RateLimitSnapshot("GET /api/v1/users/{id}", 1000, 998, Instant.ofEpochSecond(1609459200));
    RateLimitSnapshot suspend =
        new RateLimitSnapshot(
            "POST /api/v1/users/{id}/lifecycle/suspend", 600, 17, Instant.ofEpochSecond(1609459260));
    assertEquals(Optional.of(suspend), okta.client.lastRateLimit());
    assertEquals(Map.of(getUser.endpoint(), getUser, suspend.endpoint(), suspend), okta.client.lastRateLimits());
  }

  @Test
  void ignoresResponseWithoutRateLimitHeaders() {
    okta.enqueueJson(200, MockOkta.USER_JSON);

    okta.client.findUser(USER_ID);

    assertTrue(okta.client.lastRateLimit().isEmpty());
    assertTrue(okta.client.lastRateLimits().isEmpty());
  }

  private static JsonNode bodyOf(RecordedRequest request) throws IOException {
    assertNotNull(request.getBody(), "request has no body");
    return MAPPER.readTree(request.getBody().utf8());
  }

  private static void assertEmptyBody(RecordedRequest request) {
    assertEquals("0", request.getHeaders().get("Content-Length"));
    assertEquals(0, request.getBodySize());
    assertFalse(request.getHeaders().names().contains("Transfer-Encoding"));
  }
}
