package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A scripted Okta on 127.0.0.1 (OkHttp's MockWebServer) and an {@link OktaClient} pointed at it. */
final class MockOkta implements AutoCloseable {

  /** A token distinctive enough that a search for it in logs and messages cannot match by chance. */
  static final String TOKEN = "00TestTokenQ7vX-must_never_leak";

  static final String USER_JSON =
      """
      {
        "id": "00ub0oNGTSWTBKOLGLNR",
        "status": "ACTIVE",
        "transitioningToStatus": null,
        "created": "2013-06-24T16:39:18.000Z",
        "activated": "2013-06-24T16:39:19.000Z",
        "statusChanged": "2013-06-24T16:39:19.000Z",
        "lastLogin": null,
        "lastUpdated": "2013-07-02T21:36:25.344Z",
        "passwordChanged": "2013-07-02T21:36:25.344Z",
        "type": {"id": "oty1162QAr8hJjTaq0g4"},
        "profile": {
          "login": "isaac.brock@example.com",
          "email": "isaac.brock@example.com",
          "firstName": "Isaac",
          "lastName": "Brock",
          "mobilePhone": null,
          "employeeLevel": 7,
          "contractor": false,
          "badges": ["blue", "red"],
          "office": {"building": "301", "floor": 4}
        },
        "credentials": {"password": {}, "provider": {"type": "OKTA", "name": "OKTA"}},
        "_links": {"self": {"href": "https://acme.okta.com/api/v1/users/00ub0oNGTSWTBKOLGLNR"}}
      }
      """;

  private static final long TAKE_REQUEST_TIMEOUT_SECONDS = 5;

  final MockWebServer server = new MockWebServer();
  final OktaClient client;

  MockOkta() throws IOException {
    this(builder -> {});
  }

  /** Starts the server and builds the client, after {@code settings} has changed the builder. */
  MockOkta(Consumer<OktaClient.Builder> settings) throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    OktaClient.Builder builder =
        OktaClient.builder().orgUrl(baseUri()).apiToken(SecretValue.of(TOKEN)).allowInsecureLoopback(true);
    settings.accept(builder);
    client = builder.build();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  /** Returns an absolute URL on this server, such as a next link Okta would send. */
  String url(String pathAndQuery) {
    return baseUri() + pathAndQuery;
  }

  void enqueueJson(int status, String body) {
    server.enqueue(json(status, body).build());
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  static MockResponse.Builder json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body);
  }

  /** Takes the next request the server received, failing the test when none arrives in time. */
  RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(TAKE_REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(request, "no request reached the mock Okta within " + TAKE_REQUEST_TIMEOUT_SECONDS + " s");
    return request;
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
