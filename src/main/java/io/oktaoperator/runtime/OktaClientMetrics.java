package io.oktaoperator.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.oktaoperator.okta.OktaCallListener;
import io.oktaoperator.okta.RateLimitSnapshot;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer meters for the Okta client: {@code okta_client_requests_seconds} (a latency histogram
 * tagged by operation and status code), {@code okta_client_rate_limited_total} (429 responses), and
 * {@code okta_client_rate_limit_remaining} and {@code okta_client_rate_limit_limit} per endpoint.
 */
public final class OktaClientMetrics implements OktaCallListener {

  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> remainingByEndpoint = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> limitByEndpoint = new ConcurrentHashMap<>();

  public OktaClientMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onCall(String operationId, int httpStatus, Duration duration, RateLimitSnapshot rateLimit) {
    String status = httpStatus == NO_RESPONSE ? "none" : Integer.toString(httpStatus);
    Timer.builder("okta.client.requests")
        .description("Requests to the Okta API by operation and HTTP status; status none means no response")
        .tag("operation", operationId)
        .tag("status", status)
        .publishPercentileHistogram()
        .register(registry)
        .record(duration);
    if (httpStatus == 429) {
      Counter.builder("okta.client.rate.limited")
          .description("Okta answers with HTTP 429 (rate limit exceeded)")
          .tag("operation", operationId)
          .register(registry)
          .increment();
    }
    if (rateLimit != null) {
      gauge(remainingByEndpoint, "okta.client.rate.limit.remaining", "Requests left in the current rate-limit window", rateLimit.endpoint())
          .set(rateLimit.remaining());
      gauge(limitByEndpoint, "okta.client.rate.limit.limit", "Requests allowed per rate-limit window", rateLimit.endpoint())
          .set(rateLimit.limit());
    }
  }

  private AtomicInteger gauge(Map<String, AtomicInteger> values, String name, String description, String endpoint) {
    return values.computeIfAbsent(endpoint, key -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder(name, value, AtomicInteger::get).description(description).tag("endpoint", key).register(registry);
      return value;
    });
  }
}
