package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Checks that every response body produced by the simulator's tests validates against Okta's
 * OpenAPI spec. The test runs the simulator's test classes (this package and below) once more,
 * in-process, and collects each response of each simulator they start through {@link
 * ResponseCapture}; see {@link ResponseConformance} for what "validates" means. Skipped only when
 * the spec file is missing.
 */
class ResponseConformanceTest {

  @Test
  void simulatorTestResponsesMatchSpec() {
    OktaOpenApiSpec spec = requireSpec();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage(getClass().getPackageName()))
            .filters(ClassNameFilter.excludeClassNamePatterns(getClass().getName()))
            .build();

    List<SentResponse> responses =
        ResponseCapture.capture(() -> LauncherFactory.create().execute(request, summary));

    TestExecutionSummary result = summary.getSummary();
    assertTrue(result.getTestsSucceededCount() > 0, "the capture run found no simulator tests");
    assertEquals(
        0,
        result.getTotalFailureCount(),
        () -> "simulator tests failed during the capture run, so responses may be missing: " + failures(result));
    assertTrue(responses.size() > result.getTestsSucceededCount(), "too few responses captured: " + responses.size());
    String report = ResponseConformance.report(spec, responses);
    assertTrue(
        report.isEmpty(),
        () -> "Responses that do not match " + spec.path() + " (" + responses.size() + " checked):" + report);
  }

  static OktaOpenApiSpec requireSpec() {
    return OktaOpenApiSpec.load()
        .orElseGet(
            () -> {
              Assumptions.abort(OktaOpenApiSpec.missingMessage());
              throw new AssertionError("unreachable");
            });
  }

  private static String failures(TestExecutionSummary result) {
    return result.getFailures().stream()
        .map(failure -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
        .collect(Collectors.joining("; "));
  }
}
