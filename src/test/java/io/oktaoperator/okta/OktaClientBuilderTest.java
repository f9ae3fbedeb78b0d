package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of the builder's checks on the org URL, the https rule, the token and the timeouts, which send no request. */
class OktaClientBuilderTest {

  private static final SecretValue TOKEN = SecretValue.of(MockOkta.TOKEN);

  @Test
  void rejectsMissingOrgUrl() {
    OktaClient.Builder builder = OktaClient.builder().apiToken(TOKEN);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(failure.getMessage().contains("orgUrl is missing"), failure.getMessage());
  }

  @CsvSource({
    "https://acme.okta.com, https://acme.okta.com",
    "https://acme.okta.com/, https://acme.okta.com",
    "HTTPS://Acme.Okta.com, https://acme.okta.com",
    "https://acme.oktapreview.com:8443, https://acme.oktapreview.com:8443",
    "https://login.example.com:443, https://login.example.com"
  })
  @ParameterizedTest
  void acceptsHttpsToAnyHost(String orgUrl, String expected) {
    try (OktaClient client = OktaClient.builder().orgUrl(URI.create(orgUrl)).apiToken(TOKEN).build()) {
      assertEquals(URI.create(expected), client.orgUrl());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://acme.okta.com", "http://10.0.0.5:8080", "http://192.168.1.10"})
  void rejectsPlainHttpToNonLoopbackHost(String orgUrl) {
    OktaClient.Builder builder =
        OktaClient.builder().orgUrl(URI.create(orgUrl)).apiToken(TOKEN).allowInsecureLoopback(true);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(failure.getMessage().contains("use https"), failure.getMessage());
    assertTrue(failure.getMessage().contains("not a loopback address"), failure.getMessage());
    assertTrue(failure.getMessage().contains(orgUrl), failure.getMessage());
  }

  @Test
  void rejectsPlainHttpToLoopbackWithoutFlag() {
    OktaClient.Builder builder = OktaClient.builder().orgUrl(URI.create("http://127.0.0.1:8080")).apiToken(TOKEN);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(failure.getMessage().contains("allowInsecureLoopback(true)"), failure.getMessage());
  }

  @CsvSource({
    "http://127.0.0.1:8080, http://127.0.0.1:8080",
    "http://127.10.20.30, http://127.10.20.30",
    "http://127.255.255.255:1, http://127.255.255.255:1",
    "http://[::1]:9000, http://[::1]:9000",
    "http://[0:0:0:0:0:0:0:1], http://[::1]",
    "http://localhost:8080, http://localhost:8080",
    "http://LOCALHOST, http://localhost"
  })
  @ParameterizedTest
  void acceptsPlainHttpToLoopbackWithFlag(String orgUrl, String expected) {
    OktaClient.Builder builder =
        OktaClient.builder().orgUrl(URI.create(orgUrl)).apiToken(TOKEN).allowInsecureLoopback(true);

    try (OktaClient client = builder.build()) {
      assertEquals(URI.create(expected), client.orgUrl());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1.nip.io",
        "http://localhost.example.com",
        "http://mylocalhost",
        "http://128.0.0.1",
        "http://0.0.0.0",
        "http://127.000.0.1",
        "http://127.0.0.256",
        "http://[::2]",
        "http://[::ffff:10.0.0.1]"
      })
  void rejectsPlainHttpToLookalikeHost(String orgUrl) {
    OktaClient.Builder builder =
        OktaClient.builder().orgUrl(URI.create(orgUrl)).apiToken(TOKEN).allowInsecureLoopback(true);

    assertThrows(IllegalArgumentException.class, builder::build);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://acme.okta.com/api/v1",
        "https://acme.okta.com/oauth2/default",
        "https://acme.okta.com?debug=true",
        "https://acme.okta.com#users",
        "ftp://acme.okta.com",
        "acme.okta.com",
        "/api/v1/users"
      })
  void rejectsOrgUrlThatIsNotABaseUrl(String orgUrl) {
    OktaClient.Builder builder = OktaClient.builder().orgUrl(URI.create(orgUrl)).apiToken(TOKEN);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(failure.getMessage().contains(orgUrl), failure.getMessage());
  }

  @Test
  void rejectsUserInfoWithoutEchoingIt() {
    URI orgUrl = URI.create("https://admin:hunter2pass@acme.okta.com");
    OktaClient.Builder builder = OktaClient.builder().orgUrl(orgUrl).apiToken(TOKEN);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(failure.getMessage().contains("user info"), failure.getMessage());
    assertFalse(failure.getMessage().contains("hunter2pass"), failure.getMessage());
    assertFalse(builder.toString().contains("hunter2pass"), builder.toString());
  }

  @Test
  void rejectsMissingToken() {
    OktaClient.Builder builder = OktaClient.builder().orgUrl(URI.create("https://acme.okta.com"));

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(failure.getMessage().contains("apiToken is missing"), failure.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void rejectsBlankToken(String token) {
    OktaClient.Builder builder =
        OktaClient.builder().orgUrl(URI.create("https://acme.okta.com")).apiToken(SecretValue.of(token));

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(failure.getMessage().contains("apiToken is blank"), failure.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"00Secret-Value\n", "00Secret Value", "00Secret\u00e9Value", "00Secret\rValue"})
  void rejectsTokenWithUnsafeCharacters(String token) {
    OktaClient.Builder builder =
        OktaClient.builder().orgUrl(URI.create("https://acme.okta.com")).apiToken(SecretValue.of(token));

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(failure.getMessage().startsWith("apiToken contains"), failure.getMessage());
    assertFalse(failure.getMessage().contains("00Secret"), failure.getMessage());
  }

  static Stream<Arguments> timeoutSetters() {
    return Stream.of(
        Arguments.of("connectTimeout", (BiConsumer<OktaClient.Builder, Duration>) OktaClient.Builder::connectTimeout),
        Arguments.of("readTimeout", (BiConsumer<OktaClient.Builder, Duration>) OktaClient.Builder::readTimeout),
        Arguments.of("writeTimeout", (BiConsumer<OktaClient.Builder, Duration>) OktaClient.Builder::writeTimeout),
        Arguments.of("callTimeout", (BiConsumer<OktaClient.Builder, Duration>) OktaClient.Builder::callTimeout));
  }

  @ParameterizedTest
  @MethodSource("timeoutSetters")
  void rejectsTimeoutThatIsNotPositive(String name, BiConsumer<OktaClient.Builder, Duration> setter) {
    for (Duration timeout : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
      OktaClient.Builder builder = OktaClient.builder().orgUrl(URI.create("https://acme.okta.com")).apiToken(TOKEN);
      setter.accept(builder, timeout);

      IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

      assertTrue(failure.getMessage().startsWith(name + " must be a positive duration"), failure.getMessage());
    }
  }

  @Test
  void appliesTimeoutsFromBuilder() {
    OktaClient.Builder builder =
        OktaClient.builder()
            .orgUrl(URI.create("https://acme.okta.com"))
            .apiToken(TOKEN)
            .connectTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ofSeconds(2))
            .writeTimeout(Duration.ofSeconds(3))
            .callTimeout(Duration.ofSeconds(4));

    try (OktaClient client = builder.build()) {
      OkHttpClient http = client.httpClient();
      assertEquals(1_000, http.connectTimeoutMillis());
      assertEquals(2_000, http.readTimeoutMillis());
      assertEquals(3_000, http.writeTimeoutMillis());
      assertEquals(4_000, http.callTimeoutMillis());
    }
  }

  @Test
  void appliesDefaultTimeouts() {
    try (OktaClient client = OktaClient.builder().orgUrl(URI.create("https://acme.okta.com")).apiToken(TOKEN).build()) {
      OkHttpClient http = client.httpClient();
      assertEquals(10_000, http.connectTimeoutMillis());
      assertEquals(30_000, http.readTimeoutMillis());
      assertEquals(30_000, http.writeTimeoutMillis());
      assertEquals(60_000, http.callTimeoutMillis());
    }
  }

  @Test
  void turnsOffRedirectsAndRetries() {
    try (OktaClient client = OktaClient.builder().orgUrl(URI.create("https://acme.okta.com")).apiToken(TOKEN).build()) {
      OkHttpClient http = client.httpClient();
      assertFalse(http.followRedirects());
      assertFalse(http.followSslRedirects());
      assertFalse(http.retryOnConnectionFailure());
      assertTrue(http.interceptors().isEmpty(), "no interceptor, so no HTTP logging of headers");
      assertTrue(http.networkInterceptors().isEmpty(), "no interceptor, so no HTTP logging of headers");
    }
  }

  @Test
  void closeCanBeCalledTwice() {
    OktaClient client = OktaClient.builder().orgUrl(URI.create("https://acme.okta.com")).apiToken(TOKEN).build();

    client.close();
    client.close();

    assertTrue(client.httpClient().dispatcher().executorService().isShutdown());
  }

  @Test
  void rejectsMaxConcurrentRequestsBelowOne() {
    OktaClient.Builder builder =
        OktaClient.builder().orgUrl(URI.create("https://acme.okta.com")).apiToken(TOKEN).maxConcurrentRequests(0);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

    assertEquals("maxConcurrentRequests must be at least 1, got 0", failure.getMessage());
  }

  @Test
  void rejectsNegativeRateLimitReserve() {
    OktaClient.Builder builder =
        OktaClient.builder().orgUrl(URI.create("https://acme.okta.com")).apiToken(TOKEN).rateLimitReserve(-1);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, builder::build);

    assertEquals("rateLimitReserve must be 0 or more, got -1", failure.getMessage());
  }

  @Test
  void rejectsMissingClock() {
    assertThrows(NullPointerException.class, () -> OktaClient.builder().clock(null));
  }

  @Test
  void showsRateLimitSettingsInToString() {
    OktaClient.Builder builder = OktaClient.builder().maxConcurrentRequests(12).rateLimitReserve(3);

    assertTrue(builder.toString().contains("maxConcurrentRequests=12, rateLimitReserve=3"), builder.toString());
    assertTrue(
        OktaClient.builder().toString().contains("maxConcurrentRequests=35, rateLimitReserve=0"),
        OktaClient.builder().toString());
  }
}
