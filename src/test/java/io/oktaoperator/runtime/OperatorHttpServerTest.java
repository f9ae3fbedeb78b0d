package io.oktaoperator.runtime;

import static io.oktaoperator.runtime.OperatorTestEnvironment.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.oktaoperator.api.v1alpha1.UserState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Scrapes /metrics and the probes of a running operator. */
class OperatorHttpServerTest {

  static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsAndProbesAreServed() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (OperatorTestEnvironment env = OperatorTestEnvironment.start(OperatorTestEnvironment.FAST, OperatorTestEnvironment.TOKEN, registry);
        OperatorHttpServer http = OperatorHttpServer.start(0, registry, env.operator()::isHealthy, env.operator()::isReady)) {
      env.create(user("met", "met@example.com", UserState.STAGED));
      env.awaitReady("met");

      HttpResponse<String> metrics = get(http.port(), "/metrics");
      HttpResponse<String> healthz = get(http.port(), "/healthz");
      HttpResponse<String> readyz = get(http.port(), "/readyz");

      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      String body = metrics.body();
      // Kept as a sample for the metrics reference in docs/metrics.md.
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "metrics-sample.txt"), body);
      assertTrue(body.contains("okta_client_requests_seconds_count{operation=\"createUser\",status=\"200\"}"), body);
      assertTrue(body.contains("okta_client_requests_seconds_bucket{"), "latency histogram missing");
      assertTrue(body.contains("okta_client_rate_limit_remaining{endpoint=\"POST /api/v1/users\"}"), body);
      assertTrue(body.contains("okta_client_rate_limit_limit{endpoint="), body);
      assertTrue(body.lines().anyMatch(line -> line.startsWith("operator_sdk_")), "JOSDK metrics missing");
      assertTrue(!body.contains(OperatorTestEnvironment.TOKEN), "the API token leaked into the metrics");
      assertEquals(200, healthz.statusCode());
      assertEquals(200, readyz.statusCode());
      assertEquals(404, get(http.port(), "/metricsx").statusCode());
    }
  }

  @Test
  void probesReportUnavailableWhenChecksFail() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (OperatorHttpServer http = OperatorHttpServer.start(0, registry, () -> false, () -> false)) {
      assertEquals(503, get(http.port(), "/healthz").statusCode());
      assertEquals(503, get(http.port(), "/readyz").statusCode());
    }
  }
}
