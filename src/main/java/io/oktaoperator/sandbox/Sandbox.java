package io.oktaoperator.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.okta.OktaClient;
import io.oktaoperator.okta.SecretValue;
import io.oktaoperator.reconciler.Conditions;
import io.oktaoperator.reconciler.ReconcilerSettings;
import io.oktaoperator.runtime.OktaUserOperator;
import io.oktaoperator.runtime.OperatorOptions;
import io.oktaoperator.simulator.OktaSimulator;
import io.oktaoperator.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Everything on one machine: an embedded Kubernetes API, the Okta simulator and the operator, all on
 * 127.0.0.1, with helpers to apply manifests and wait for them.
 */
public final class Sandbox implements AutoCloseable {

  static final ReconcilerSettings SETTINGS =
      new ReconcilerSettings(Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(30));

  private final OktaSimulator simulator;
  private final EmbeddedKubernetes kubernetes;
  private final OktaClient okta;
  private final OktaUserOperator operator;

  private Sandbox(OktaSimulator simulator, EmbeddedKubernetes kubernetes, OktaClient okta, OktaUserOperator operator) {
    this.simulator = simulator;
    this.kubernetes = kubernetes;
    this.okta = okta;
    this.operator = operator;
  }

  /** Starts the simulator, the embedded Kubernetes API and the operator. */
  public static Sandbox start() {
    String token = "sandbox-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    OktaSimulator simulator = OktaSimulator.start(SimulatorOptions.builder().port(0).apiToken(token).build());
    EmbeddedKubernetes kubernetes = null;
    OktaClient okta = null;
    try {
      kubernetes = EmbeddedKubernetes.start();
      okta = OktaClient.builder().orgUrl(simulator.baseUrl()).apiToken(SecretValue.of(token)).allowInsecureLoopback(true).build();
      OperatorOptions options = OperatorOptions.defaults().withReconcilerSettings(SETTINGS);
      OktaUserOperator operator = OktaUserOperator.start(kubernetes.client(), okta, options);
      return new Sandbox(simulator, kubernetes, okta, operator);
    } catch (RuntimeException e) {
      if (okta != null) {
        okta.close();
      }
      if (kubernetes != null) {
        kubernetes.close();
      }
      simulator.close();
      throw e;
    }
  }

  public KubernetesClient client() {
    return kubernetes.client();
  }

  public OktaSimulator simulator() {
    return simulator;
  }

  public String kubernetesUrl() {
    return kubernetes.url();
  }

  /**
   * Creates every object of every {@code .yaml} or {@code .yml} file in the folder, in file-name order.
   *
   * @return the OktaUsers created
   */
  public List<OktaUser> applyFolder(Path folder) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the manifest folder " + folder, e);
    }
    List<OktaUser> users = new ArrayList<>();
    for (Path file : files) {
      try (InputStream input = Files.newInputStream(file)) {
        for (HasMetadata item : client().load(input).items()) {
          HasMetadata created = client().resource(item).create();
          if (OktaUser.class.getSimpleName().equals(created.getKind())) {
            users.add(client().resources(OktaUser.class)
                .inNamespace(created.getMetadata().getNamespace())
                .withName(created.getMetadata().getName())
                .get());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return users;
  }

  /**
   * Changes part of the resource's spec with a JSON merge patch, which, unlike a JSON patch, needs no
   * field to exist already. The embedded API server does not fill in a CRD's defaults.
   */
  public void mergePatchSpec(OktaUser user, String specJson) {
    client()
        .resources(OktaUser.class)
        .inNamespace(user.getMetadata().getNamespace())
        .withName(user.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":" + specJson + "}");
  }

  public OktaUser get(OktaUser user) {
    return client().resources(OktaUser.class).inNamespace(user.getMetadata().getNamespace()).withName(user.getMetadata().getName()).get();
  }

  /**
   * Waits until the resource is Ready for its current generation and matches the predicate.
   *
   * @throws NotConvergedException at once when the resource is Stalled, else after the timeout
   */
  public OktaUser awaitReady(OktaUser user, Predicate<OktaUser> also, Duration timeout) {
    OktaUser settled;
    try {
      settled = client()
          .resources(OktaUser.class)
          .inNamespace(user.getMetadata().getNamespace())
          .withName(user.getMetadata().getName())
          .waitUntilCondition(
              u -> u != null && ((isReady(u) && also.test(u)) || isStalled(u)), timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (KubernetesClientTimeoutException e) {
      throw new NotConvergedException(describeStuck(get(user), user, timeout));
    }
    if (isStalled(settled)) {
      throw new NotConvergedException(describeStuck(settled, user, timeout));
    }
    return settled;
  }

  static boolean isStalled(OktaUser user) {
    if (user.getStatus() == null) {
      return false;
    }
    var stalled = Conditions.find(user.getStatus().getConditions(), Conditions.STALLED);
    return stalled != null && "True".equals(stalled.getStatus())
        && user.getMetadata().getGeneration().equals(stalled.getObservedGeneration());
  }

  /** Waits until the resource no longer exists. */
  public void awaitGone(OktaUser user, Duration timeout) {
    try {
      client()
          .resources(OktaUser.class)
          .inNamespace(user.getMetadata().getNamespace())
          .withName(user.getMetadata().getName())
          .waitUntilCondition(u -> u == null, timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (KubernetesClientTimeoutException e) {
      throw new NotConvergedException(describeStuck(get(user), user, timeout) + " (waiting for deletion)");
    }
  }

  static boolean isReady(OktaUser user) {
    if (user.getStatus() == null) {
      return false;
    }
    var ready = Conditions.find(user.getStatus().getConditions(), Conditions.READY);
    return ready != null && "True".equals(ready.getStatus())
        && user.getMetadata().getGeneration().equals(ready.getObservedGeneration());
  }

  private static String describeStuck(OktaUser current, OktaUser requested, Duration timeout) {
    String name = requested.getMetadata().getNamespace() + "/" + requested.getMetadata().getName();
    if (current == null) {
      return name + " does not exist";
    }
    if (current.getStatus() == null || current.getStatus().getConditions().isEmpty()) {
      return name + " was not reconciled within " + timeout.toSeconds() + "s (no status yet)";
    }
    // All three conditions carry the same reason and message, so one of them is enough.
    var conditions = current.getStatus().getConditions();
    var reported = conditions.stream().filter(c -> "True".equals(c.getStatus()) && !Conditions.READY.equals(c.getType()))
        .findFirst()
        .orElse(Conditions.find(conditions, Conditions.READY));
    String verdict = isStalled(current) ? " is stalled" : " did not converge within " + timeout.toSeconds() + "s";
    return name + verdict + ": " + reported.getType() + "=" + reported.getStatus() + " (" + reported.getReason() + "): "
        + reported.getMessage();
  }

  @Override
  public void close() {
    operator.close();
    okta.close();
    kubernetes.close();
    simulator.close();
  }

  /** A resource did not reach the expected state in time; the message names it and its conditions. */
  public static final class NotConvergedException extends RuntimeException {

    public NotConvergedException(String message) {
      super(message);
    }
  }
}
