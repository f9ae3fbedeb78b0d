package io.oktaoperator.runtime;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.OktaUserProfile;
import io.oktaoperator.api.v1alpha1.OktaUserSpec;
import io.oktaoperator.api.v1alpha1.SecretKeyReference;
import io.oktaoperator.api.v1alpha1.UserCredentials;
import io.oktaoperator.api.v1alpha1.UserState;
import io.micrometer.core.instrument.MeterRegistry;
import io.oktaoperator.okta.OktaCallListener;
import io.oktaoperator.okta.OktaClient;
import io.oktaoperator.okta.SecretValue;
import io.oktaoperator.reconciler.Conditions;
import io.oktaoperator.reconciler.ReconcilerSettings;
import io.oktaoperator.sandbox.EmbeddedKubernetes;
import io.oktaoperator.simulator.OktaSimulator;
import io.oktaoperator.simulator.RecordedRequest;
import io.oktaoperator.simulator.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The operator running against an embedded Kubernetes API (Fabric8 mock server, CRUD mode) and the
 * Okta simulator over HTTP on 127.0.0.1, with helpers to drive and observe both.
 */
final class OperatorTestEnvironment implements AutoCloseable {

  static final String NAMESPACE = "team-a";
  static final String TOKEN = "test-api-token-3f9c";
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  static final ReconcilerSettings FAST =
      new ReconcilerSettings(Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofSeconds(30));

  /** Compares converged resources with Okta every half second, for drift tests. */
  static final ReconcilerSettings FREQUENT_RESYNC =
      new ReconcilerSettings(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(30));

  final EmbeddedKubernetes kubernetes;
  final OktaSimulator simulator;
  final OktaClient okta;
  private final ReconcilerSettings settings;
  private final MeterRegistry registry;
  private OktaUserOperator operator;

  private OperatorTestEnvironment(
      EmbeddedKubernetes kubernetes,
      OktaSimulator simulator,
      OktaClient okta,
      ReconcilerSettings settings,
      MeterRegistry registry) {
    this.kubernetes = kubernetes;
    this.simulator = simulator;
    this.okta = okta;
    this.settings = settings;
    this.registry = registry;
  }

  static OperatorTestEnvironment start() {
    return start(FAST, TOKEN);
  }

  /**
   * Starts everything.
   *
   * @param operatorToken the API token the operator sends; the simulator accepts only {@link #TOKEN}
   */
  static OperatorTestEnvironment start(ReconcilerSettings settings, String operatorToken) {
    return start(settings, operatorToken, null);
  }

  /** Starts everything, with the operator's and the Okta client's metrics in {@code registry} when not null. */
  static OperatorTestEnvironment start(ReconcilerSettings settings, String operatorToken, MeterRegistry registry) {
    OktaSimulator simulator =
        OktaSimulator.start(SimulatorOptions.builder().port(0).apiToken(TOKEN).asyncTransitionDelay(Duration.ZERO).build());
    EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start();
    OktaClient okta =
        OktaClient.builder()
            .orgUrl(simulator.baseUrl())
            .apiToken(SecretValue.of(operatorToken))
            .allowInsecureLoopback(true)
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5))
            .listener(registry == null ? OktaCallListener.NONE : new OktaClientMetrics(registry))
            .build();
    OperatorTestEnvironment environment = new OperatorTestEnvironment(kubernetes, simulator, okta, settings, registry);
    kubernetes.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
    environment.startOperator();
    return environment;
  }

  void startOperator() {
    operator = OktaUserOperator.start(
        kubernetes.client(), okta, OperatorOptions.defaults().withReconcilerSettings(settings).withMeterRegistry(registry));
  }

  void stopOperator() {
    operator.close();
    operator = null;
  }

  OktaUserOperator operator() {
    return operator;
  }

  KubernetesClient client() {
    return kubernetes.client();
  }

  Resource<OktaUser> resource(String name) {
    return client().resources(OktaUser.class).inNamespace(NAMESPACE).withName(name);
  }

  OktaUser get(String name) {
    return resource(name).get();
  }

  OktaUser create(OktaUser user) {
    return client().resource(user).create();
  }

  void editSpec(String name, Consumer<OktaUserSpec> change) {
    editWithRetry(name, user -> change.accept(user.getSpec()));
  }

  /**
   * Edits the resource, reading it again when the operator wrote its status in between (the API
   * server then returns 409), as kubectl users do.
   */
  void editWithRetry(String name, Consumer<OktaUser> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        resource(name).edit(user -> {
          change.accept(user);
          return user;
        });
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  void createPasswordSecret(String name, String password) {
    client()
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(
            new SecretBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build())
                .withData(Map.of("password", Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8))))
                .build())
        .createOr(existing -> existing.update());
  }

  /** Waits until the resource's condition has the given status for its current generation, and returns it. */
  OktaUser awaitCondition(String name, String type, String status) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> get(name),
            user -> {
              if (user == null || user.getStatus() == null) {
                return false;
              }
              var condition = Conditions.find(user.getStatus().getConditions(), type);
              return condition != null
                  && status.equals(condition.getStatus())
                  && user.getMetadata().getGeneration().equals(condition.getObservedGeneration());
            });
  }

  OktaUser awaitReady(String name) {
    return awaitCondition(name, Conditions.READY, "True");
  }

  /** Waits until Okta reports the given status for the resource, with Ready true. */
  OktaUser awaitOktaStatus(String name, String oktaStatus) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> awaitReady(name),
            user -> oktaStatus.equals(user.getStatus().getStatus()));
  }

  List<Event> events(String name) {
    return client().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  /** Requests the simulator received whose method is one of Okta's write methods. */
  List<RecordedRequest> oktaWrites() {
    Set<String> writes = Set.of("POST", "PUT", "DELETE");
    return simulator.requestLog().stream().filter(r -> writes.contains(r.method())).toList();
  }

  /** Creates the namespace if it does not exist yet. */
  void createNamespace(String namespace) {
    client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .createOr(existing -> existing.update());
  }

  /** Sets or removes the paused annotation. */
  void setPaused(String name, boolean paused) {
    editWithRetry(name, user -> {
      var annotations = new java.util.HashMap<String, String>();
      if (user.getMetadata().getAnnotations() != null) {
        annotations.putAll(user.getMetadata().getAnnotations());
      }
      if (paused) {
        annotations.put("oktaoperator.io/paused", "true");
      } else {
        annotations.remove("oktaoperator.io/paused");
      }
      user.getMetadata().setAnnotations(annotations);
    });
  }

  /** Okta users whose login matches, as Okta compares logins. */
  long oktaUsersWithLogin(String login) {
    return simulator.users().stream().filter(u -> login.equalsIgnoreCase(String.valueOf(u.profile().get("login")))).count();
  }

  static OktaUser user(String name, String login, UserState state) {
    OktaUserProfile profile = new OktaUserProfile();
    profile.setLogin(login);
    profile.setEmail(login);
    profile.setFirstName("Test");
    profile.setLastName(name);
    OktaUserSpec spec = new OktaUserSpec();
    spec.setProfile(profile);
    spec.setState(state);
    OktaUser user = new OktaUser();
    user.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    user.setSpec(spec);
    return user;
  }

  static OktaUser userWithPassword(String name, String login, UserState state, String secretName) {
    OktaUser user = user(name, login, state);
    UserCredentials credentials = new UserCredentials();
    credentials.setPasswordSecretRef(new SecretKeyReference(secretName, "password"));
    user.getSpec().setCredentials(credentials);
    return user;
  }

  @Override
  public void close() {
    if (operator != null) {
      stopOperator();
    }
    okta.close();
    kubernetes.close();
    simulator.close();
  }
}
