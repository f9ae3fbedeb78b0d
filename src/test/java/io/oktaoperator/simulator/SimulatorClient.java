package io.oktaoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Minimal HTTP client for the simulator's tests, built on the JDK's HttpClient. */
final class SimulatorClient {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI baseUrl;
  private final String authorization;
  private final Duration timeout;

  /** A response with its body parsed as JSON when there is one. */
  record Response(int status, HttpHeaders headers, String rawBody, JsonNode body) {

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    List<String> links() {
      return headers.allValues("Link");
    }
  }

  /** Builds a client for the simulator and attaches it to {@link ResponseCapture}, so its responses can be checked. */
  SimulatorClient(OktaSimulator simulator) {
    this(simulator.baseUrl(), "SSWS " + simulator.apiToken());
    ResponseCapture.attach(simulator);
  }

  SimulatorClient(URI baseUrl, String authorization) {
    this(baseUrl, authorization, Duration.ofSeconds(10));
  }

  private SimulatorClient(URI baseUrl, String authorization, Duration timeout) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.timeout = timeout;
  }

  /** Returns a client that sends another {@code Authorization} header, or none for null. */
  SimulatorClient withAuthorization(String authorization) {
    return new SimulatorClient(baseUrl, authorization, timeout);
  }

  /** Returns a client whose requests time out after {@code timeout} without a complete response. */
  SimulatorClient withTimeout(Duration timeout) {
    return new SimulatorClient(baseUrl, authorization, timeout);
  }

  Response put(String pathAndQuery, String jsonBody) {
    return send("PUT", pathAndQuery, jsonBody, Map.of());
  }

  Response get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, Map.of());
  }

  Response get(String pathAndQuery, Map<String, String> headers) {
    return send("GET", pathAndQuery, null, headers);
  }

  /** Sends a GET to an absolute URL, such as one taken from a {@code Link} header. */
  Response getUrl(URI url) {
    return exchange(request(url, Map.of()).GET().build());
  }

  Response post(String pathAndQuery, String jsonBody) {
    return send("POST", pathAndQuery, jsonBody, Map.of());
  }

  /** Sends a body-less POST, as the lifecycle operations expect. */
  Response post(String pathAndQuery) {
    return send("POST", pathAndQuery, null, Map.of());
  }

  Response delete(String pathAndQuery) {
    return send("DELETE", pathAndQuery, null, Map.of());
  }

  Response send(String method, String pathAndQuery, String jsonBody, Map<String, String> headers) {
    HttpRequest.BodyPublisher body =
        jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
    HttpRequest.Builder builder = request(baseUrl.resolve(pathAndQuery), headers);
    if (jsonBody != null) {
      builder.header("Content-Type", "application/json");
    }
    return exchange(builder.method(method, body).build());
  }

  private HttpRequest.Builder request(URI url, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout);
    builder.header("Accept", "application/json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static Response exchange(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      JsonNode json = raw == null || raw.isEmpty() ? null : MAPPER.readTree(raw);
      return new Response(response.statusCode(), response.headers(), raw, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the simulator", e);
    }
  }
}
