package io.oktaoperator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.oktaoperator.okta.OktaClient;
import io.oktaoperator.reconciler.ReconcilerSettings;
import io.oktaoperator.runtime.EnvironmentSettings;
import io.oktaoperator.runtime.OktaClientMetrics;
import io.oktaoperator.runtime.OktaUserOperator;
import io.oktaoperator.runtime.OperatorHttpServer;
import io.oktaoperator.runtime.OperatorOptions;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs the operator against the cluster of the current kubeconfig or the in-cluster config. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "2:A required environment variable is missing or malformed; the message names it.",
      "143:Stopped by SIGTERM after a graceful shutdown."
    },
    description = {
      "Runs the operator against the cluster of the current kubeconfig, or the in-cluster configuration.",
      "",
      "Environment:",
      "  OKTA_ORG_URL      Okta org URL, such as https://acme.okta.com (required)",
      "  OKTA_API_TOKEN    Okta API token (required); provide it from a Kubernetes Secret",
      "  WATCH_NAMESPACES  comma-separated namespaces to watch; empty watches all namespaces",
      "  HTTP_PORT         port serving /metrics, /healthz and /readyz (default 8080)",
      "  LOG_LEVEL         log level of the operator, such as INFO or DEBUG (default INFO)",
      "  LOG_FORMAT        text (default) or json",
      "  LEADER_ELECTION_ENABLED     true to reconcile only while holding a Lease (default false)",
      "  LEADER_ELECTION_NAMESPACE   namespace of the Lease, required with leader election",
      "  LEADER_ELECTION_LEASE_NAME  name of the Lease (default okta-user-operator)",
      "  ADOPTION_ENABLED            false forbids adopting existing Okta users (default true)",
      "  ADMIN_USERS_ALLOWED         true lets the operator manage Okta administrators (default false)"
    })
final class RunCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

  @Spec CommandSpec spec;

  @Option(
      names = "--allow-insecure-loopback",
      description = "Accept an http OKTA_ORG_URL on a loopback address, for a local Okta simulator.")
  boolean allowInsecureLoopback;

  @Option(
      names = "--resync-interval",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "How often a converged OktaUser is compared with Okta again to correct drift, as a whole number"
          + " with ms, s, m or h (default: ${DEFAULT-VALUE}).")
  Duration resyncInterval;

  private final Map<String, String> environment;

  /**
   * Describes what actually failed: the first I/O failure in the cause chain (such as a refused
   * connection), else the innermost cause.
   */
  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof java.io.IOException) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
      }
      root = cause;
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  RunCommand() {
    this(System.getenv());
  }

  RunCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    EnvironmentSettings settings;
    OktaClient okta;
    try {
      settings = EnvironmentSettings.from(environment, allowInsecureLoopback);
      okta =
          OktaClient.builder()
              .orgUrl(settings.oktaOrgUrl())
              .apiToken(settings.oktaApiToken())
              .allowInsecureLoopback(allowInsecureLoopback)
              .listener(new OktaClientMetrics(registry))
              .build();
    } catch (EnvironmentSettings.InvalidSettingException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    } catch (IllegalArgumentException e) {
      // The Okta client checked OKTA_ORG_URL and OKTA_API_TOKEN once more, for example the loopback rule.
      err.println("error: invalid OKTA_ORG_URL or OKTA_API_TOKEN for --allow-insecure-loopback: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    settings.logFormat().apply();

    ReconcilerSettings defaults = ReconcilerSettings.defaults();
    OperatorOptions options =
        new OperatorOptions(
            settings.watchNamespaces(),
            defaults
                .withResyncInterval(resyncInterval)
                .withAdoptionAllowed(settings.adoptionEnabled())
                .withAdminUsersAllowed(settings.adminUsersAllowed()),
            Clock.systemUTC(),
            registry,
            settings.leaderElection());
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // On SIGTERM the hook signals the main thread to stop and waits until it has closed everything,
    // because the JVM halts as soon as its shutdown hooks return.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopRequested.countDown();
      try {
        stopped.await(SHUTDOWN_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "shutdown"));
    KubernetesClient client = new KubernetesClientBuilder().build();
    OktaUserOperator started;
    try {
      started = OktaUserOperator.start(client, okta, options);
    } catch (RuntimeException e) {
      err.println("error: could not start watching OktaUsers through the Kubernetes API at " + client.getMasterUrl()
          + ": " + rootMessage(e) + ". Check the kubeconfig (KUBECONFIG) or the pod's service account, and that the"
          + " OktaUser CRD is installed.");
      err.flush();
      client.close();
      okta.close();
      stopped.countDown();
      return ExitCodes.FAILURE;
    }
    try (client;
        okta;
        OktaUserOperator operator = started;
        OperatorHttpServer http =
            OperatorHttpServer.start(settings.httpPort(), registry, operator::isHealthy, operator::isReady)) {
      log.info(
          "Operator started for Okta org {} watching {}; metrics and probes on port {}{}",
          settings.oktaOrgUrl(),
          settings.watchNamespaces().isEmpty() ? "all namespaces" : "namespaces " + settings.watchNamespaces(),
          http.port(),
          settings.leaderElection() == null ? "" : "; leader election on Lease " + settings.leaderElection());
      stopRequested.await();
      log.info("Stopping the operator");
    } finally {
      stopped.countDown();
    }
    return ExitCodes.OK;
  }
}
