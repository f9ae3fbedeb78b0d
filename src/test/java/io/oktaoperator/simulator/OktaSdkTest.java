package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.ClientBuilder;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.api.UserCredApi;
import com.okta.sdk.resource.api.UserLifecycleApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.CreateUserRequest;
import com.okta.sdk.resource.model.PasswordCredential;
import com.okta.sdk.resource.model.ResetPasswordToken;
import com.okta.sdk.resource.model.UpdateUserRequest;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserActivationToken;
import com.okta.sdk.resource.model.UserCredentials;
import com.okta.sdk.resource.model.UserGetSingleton;
import com.okta.sdk.resource.model.UserProfile;
import com.okta.sdk.resource.model.UserStatus;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives the simulator with Okta's official Java SDK (okta-sdk-api and okta-sdk-impl 24.0.0), a
 * client written against Okta's API by Okta. Every call must succeed or fail as it would against
 * Okta: the SDK's models must deserialize every response (no unknown enum value, no missing
 * field), and errors must arrive as {@link ApiException} with Okta's status and error body.
 */
class OktaSdkTest {

  private static final String TOKEN = "sdk-test-token";

  private static OktaSimulator simulator;
  private static UserApi users;
  private static UserLifecycleApi lifecycle;
  private static UserCredApi credentials;

  @BeforeAll
  static void start() {
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken(TOKEN).build());
    ResponseCapture.attach(simulator);
    ApiClient client = buildClient(simulator.baseUrl().toString());
    users = new UserApi(client);
    lifecycle = new UserLifecycleApi(client);
    credentials = new UserCredApi(client);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  /**
   * Builds an SDK client for the simulator's http URL. The SDK rejects org URLs without https
   * unless the system property {@code okta.testing.disableHttpsCheck} is true when the builder is
   * created, so the property is set only for that moment. The SDK's cache stays off, so every
   * call reaches the simulator.
   */
  private static ApiClient buildClient(String orgUrl) {
    String property = ClientBuilder.DEFAULT_CLIENT_TESTING_DISABLE_HTTPS_CHECK_PROPERTY_NAME;
    String previous = System.setProperty(property, "true");
    try {
      return Clients.builder()
          .setOrgUrl(orgUrl)
          .setClientCredentials(new TokenClientCredentials(TOKEN))
          .setCacheManager(Caches.newDisabledCacheManager())
          .build();
    } finally {
      if (previous == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, previous);
      }
    }
  }

  @Test
  void createStagedUser() {
    User user = users.createUser(createRequest("staged@example.com", false), false, false, null);

    assertTrue(user.getId().startsWith("00u"), user.getId());
    assertEquals(UserStatus.STAGED, user.getStatus());
    assertEquals("staged@example.com", user.getProfile().getLogin());
    assertNotNull(user.getCreated());
    assertNull(user.getActivated());
    assertNotNull(user.getLinks().getSelf());
  }

  @Test
  void createActiveUserWithPassword() {
    User user = users.createUser(createRequest("active@example.com", true), true, false, null);

    assertEquals(UserStatus.ACTIVE, user.getStatus());
    assertNotNull(user.getActivated());
    assertNotNull(user.getPasswordChanged());
    assertNotNull(user.getCredentials().getPassword());
    assertEquals("OKTA", user.getCredentials().getProvider().getType().getValue());
  }

  @Test
  void getUserByLogin() {
    User created = users.createUser(createRequest("by.login@example.com", true), true, false, null);

    UserGetSingleton found = users.getUser("by.login@example.com", null, null);

    assertEquals(created.getId(), found.getId());
    assertEquals(UserStatus.ACTIVE, found.getStatus());
    assertNotNull(found.getLinks().getSuspend());
  }

  @Test
  void duplicateLoginInOtherCaseFails() throws Exception {
    users.createUser(createRequest("Jane.Duplicate@example.com", true), true, false, null);

    ApiException failure =
        assertThrows(
            ApiException.class,
            () -> users.createUser(createRequest("jane.duplicate@EXAMPLE.com", true), true, false, null));

    assertEquals(400, failure.getCode());
    JsonNode error = SimulatorClient.MAPPER.readTree(failure.getResponseBody());
    assertEquals("E0000001", error.get("errorCode").asText());
    assertEquals("E0000001", error.get("errorLink").asText());
    assertEquals(
        "login: An object with this field already exists in the current organization",
        error.get("errorCauses").get(0).get("errorSummary").asText());
  }

  @Test
  void activateStagedUser() {
    User staged = users.createUser(createRequest("activate@example.com", true), false, false, null);

    UserActivationToken token = lifecycle.activateUser(staged.getId(), false);

    assertNotNull(token.getActivationToken());
    assertTrue(token.getActivationUrl().endsWith("/tokens/" + token.getActivationToken() + "/verify"));
    assertEquals(UserStatus.ACTIVE, users.getUser(staged.getId(), null, null).getStatus());
  }

  @Test
  void suspendAndUnsuspend() {
    User user = users.createUser(createRequest("suspend@example.com", true), true, false, null);

    lifecycle.suspendUser(user.getId());
    UserStatus suspended = users.getUser(user.getId(), null, null).getStatus();
    lifecycle.unsuspendUser(user.getId());
    UserStatus unsuspended = users.getUser(user.getId(), null, null).getStatus();

    assertEquals(UserStatus.SUSPENDED, suspended);
    assertEquals(UserStatus.ACTIVE, unsuspended);
  }

  @Test
  void suspendOfStagedUserFails() {
    User staged = users.createUser(createRequest("staged.suspend@example.com", false), false, false, null);

    ApiException failure = assertThrows(ApiException.class, () -> lifecycle.suspendUser(staged.getId()));

    assertEquals(400, failure.getCode());
    assertTrue(failure.getResponseBody().contains("\"errorCode\":\"E0000001\""), failure.getResponseBody());
  }

  @Test
  void partialUpdateKeepsOtherAttributes() {
    User user = users.createUser(createRequest("update@example.com", true), true, false, null);
    UserProfile change = new UserProfile();
    change.setTitle("Engineer");

    User updated = users.updateUser(user.getId(), new UpdateUserRequest().profile(change), null);

    assertEquals("Engineer", updated.getProfile().getTitle());
    assertEquals("First", updated.getProfile().getFirstName());
    assertEquals("update@example.com", updated.getProfile().getEmail());
  }

  @Test
  void listUsersWithSearch() {
    User user = users.createUser(createRequest("listed@example.com", true), true, false, null);

    // listUsers takes Content-Type, q, after, limit, filter, search, sortBy and sortOrder, in that order.
    String search = "profile.login eq \"listed@example.com\"";
    List<User> found = users.listUsers(null, null, null, null, null, search, null, null);

    assertEquals(1, found.size());
    assertEquals(user.getId(), found.get(0).getId());
  }

  @Test
  void resetPasswordReturnsUrl() {
    User user = users.createUser(createRequest("reset@example.com", true), true, false, null);

    ResetPasswordToken token = credentials.resetPassword(user.getId(), false, false);

    assertNotNull(token.getResetPasswordUrl());
    assertEquals(UserStatus.RECOVERY, users.getUser(user.getId(), null, null).getStatus());
  }

  @Test
  void expirePasswordReturnsUser() {
    User user = users.createUser(createRequest("expire@example.com", true), true, false, null);

    User expired = credentials.expirePassword(user.getId());

    assertEquals(user.getId(), expired.getId());
    assertEquals(UserStatus.PASSWORD_EXPIRED, expired.getStatus());
  }

  @Test
  void twoStepDeleteThenNotFound() throws Exception {
    User user = users.createUser(createRequest("delete@example.com", true), true, false, null);

    users.deleteUser(user.getId(), false, null);
    UserStatus afterFirstDelete = users.getUser(user.getId(), null, null).getStatus();
    users.deleteUser(user.getId(), false, null);
    ApiException failure = assertThrows(ApiException.class, () -> users.getUser(user.getId(), null, null));

    assertEquals(UserStatus.DEPROVISIONED, afterFirstDelete);
    assertEquals(404, failure.getCode());
    JsonNode error = SimulatorClient.MAPPER.readTree(failure.getResponseBody());
    assertEquals("E0000007", error.get("errorCode").asText());
    assertEquals("Not found: Resource not found: " + user.getId() + " (User)", error.get("errorSummary").asText());
    assertTrue(error.get("errorCauses").isArray());
  }

  private static CreateUserRequest createRequest(String login, boolean withPassword) {
    UserProfile profile = new UserProfile();
    profile.setLogin(login);
    profile.setEmail(login);
    profile.setFirstName("First");
    profile.setLastName("Last");
    CreateUserRequest request = new CreateUserRequest().profile(profile);
    if (withPassword) {
      request.credentials(new UserCredentials().password(new PasswordCredential().value(TestUsers.PASSWORD)));
    }
    return request;
  }
}
