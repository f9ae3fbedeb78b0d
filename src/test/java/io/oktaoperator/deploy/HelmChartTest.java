package io.oktaoperator.deploy;

import static io.oktaoperator.deploy.HelmChart.REQUIRED_VALUES;
import static io.oktaoperator.deploy.HelmChart.RELEASE_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelmChartTest {

  /** The rules the operator needs on OktaUsers, referenced Secrets and Events, and nothing more. */
  static final List<String> NAMESPACED_RULES =
      List.of(
          "oktaoperator.io oktausers [get, list, watch, update, patch]",
          "oktaoperator.io oktausers/status [get, update, patch]",
          "oktaoperator.io oktausers/finalizers [update]",
          " secrets [get, list, watch]",
          " events [create, patch]",
          "events.k8s.io events [create, patch]");

  static final List<String> LEADER_ELECTION_RULES = List.of("coordination.k8s.io leases [get, create, update]");

  @TempDir Path workDirectory;

  @Test
  void lintStrictPassesWithRequiredValues() {
    LintResult result = HelmChart.lintStrict(REQUIRED_VALUES, workDirectory);

    assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
    assertEquals(List.of(), problems(result), "helm lint --strict reported warnings or errors");
  }

  @Test
  void lintStrictPassesOnCheckedInChart() {
    LintResult result = HelmChart.lintStrict();

    assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
    assertEquals(List.of(), problems(result), "helm lint --strict reported warnings or errors");
  }

  @Test
  void lintStrictPassesWithAllOptionsEnabled() {
    LintResult result =
        HelmChart.lintStrict(
            REQUIRED_VALUES
                + """
                watchNamespaces: [team-a, team-b]
                serviceMonitor: {enabled: true, interval: 30s}
                podDisruptionBudget: {enabled: true}
                """,
            workDirectory);

    assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
    assertEquals(List.of(), problems(result), "helm lint --strict reported warnings or errors");
  }

  @Test
  void podRunsAsNonRootWithSeccomp() {
    PodSpec pod = deployment(render(REQUIRED_VALUES)).getSpec().getTemplate().getSpec();
    PodSecurityContext security = pod.getSecurityContext();

    assertAll(
        () -> assertEquals(Boolean.TRUE, security.getRunAsNonRoot(), "runAsNonRoot"),
        () -> assertEquals(65532L, security.getRunAsUser(), "runAsUser"),
        () -> assertEquals(65532L, security.getRunAsGroup(), "runAsGroup"),
        () -> assertEquals("RuntimeDefault", security.getSeccompProfile().getType(), "seccompProfile.type"));
  }

  @Test
  void containerHasReadOnlyRootAndNoCapabilities() {
    PodSpec pod = deployment(render(REQUIRED_VALUES)).getSpec().getTemplate().getSpec();
    Container container = operatorContainer(pod);
    SecurityContext security = container.getSecurityContext();

    assertAll(
        () -> assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), "readOnlyRootFilesystem"),
        () -> assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), "allowPrivilegeEscalation"),
        () -> assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), "capabilities.drop"),
        () -> assertEquals(List.of(), security.getCapabilities().getAdd(), "capabilities.add"),
        () -> assertNull(security.getPrivileged(), "privileged"));

    String tmpVolume =
        container.getVolumeMounts().stream()
            .filter(mount -> mount.getMountPath().equals("/tmp"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no volume mounted at /tmp"))
            .getName();
    assertTrue(
        pod.getVolumes().stream().anyMatch(volume -> volume.getName().equals(tmpVolume) && volume.getEmptyDir() != null),
        "/tmp must be an emptyDir volume");
  }

  @Test
  void allNamespacesUseClusterRoleWithExactRules() {
    List<HasMetadata> objects = render(REQUIRED_VALUES);

    ClusterRole clusterRole = single(objects, ClusterRole.class);
    assertEquals(NAMESPACED_RULES, describe(clusterRole.getRules()));

    ClusterRoleBinding binding = single(objects, ClusterRoleBinding.class);
    assertEquals("ClusterRole", binding.getRoleRef().getKind());
    assertEquals(clusterRole.getMetadata().getName(), binding.getRoleRef().getName());
    assertEquals(List.of("ServiceAccount okta-user-operator/okta-user-operator"), describeSubjects(binding.getSubjects()));

    List<Role> roles = ofType(objects, Role.class);
    assertEquals(1, roles.size(), "only the leader election Role is expected when all namespaces are watched");
    assertEquals(LEADER_ELECTION_RULES, describe(roles.get(0).getRules()));
    assertEquals(RELEASE_NAMESPACE, roles.get(0).getMetadata().getNamespace());
  }

  @Test
  void watchedNamespacesGetRolesNotClusterRole() {
    List<HasMetadata> objects = render(REQUIRED_VALUES + "watchNamespaces: [team-a, team-b]\n");

    assertEquals(List.of(), ofType(objects, ClusterRole.class), "ClusterRoles");
    assertEquals(List.of(), ofType(objects, ClusterRoleBinding.class), "ClusterRoleBindings");

    Map<String, Role> operatorRoles =
        ofType(objects, Role.class).stream()
            .filter(role -> !role.getMetadata().getName().endsWith("-leader-election"))
            .collect(Collectors.toMap(role -> role.getMetadata().getNamespace(), role -> role));
    assertEquals(Set.of("team-a", "team-b"), operatorRoles.keySet(), "namespaces with an operator Role");
    for (Role role : operatorRoles.values()) {
      assertEquals(NAMESPACED_RULES, describe(role.getRules()), "rules of the Role in " + role.getMetadata().getNamespace());
    }

    Map<String, RoleBinding> bindings =
        ofType(objects, RoleBinding.class).stream()
            .filter(binding -> !binding.getMetadata().getName().endsWith("-leader-election"))
            .collect(Collectors.toMap(binding -> binding.getMetadata().getNamespace(), binding -> binding));
    assertEquals(Set.of("team-a", "team-b"), bindings.keySet(), "namespaces with an operator RoleBinding");
    for (RoleBinding binding : bindings.values()) {
      assertEquals("Role", binding.getRoleRef().getKind());
      assertEquals(operatorRoles.get(binding.getMetadata().getNamespace()).getMetadata().getName(), binding.getRoleRef().getName());
      assertEquals(List.of("ServiceAccount okta-user-operator/okta-user-operator"), describeSubjects(binding.getSubjects()));
    }

    Role leaderElection = leaderElectionRole(objects);
    assertEquals(RELEASE_NAMESPACE, leaderElection.getMetadata().getNamespace());
    assertEquals(LEADER_ELECTION_RULES, describe(leaderElection.getRules()));

    assertEquals("team-a,team-b", env(operatorContainer(render(REQUIRED_VALUES + "watchNamespaces: [team-a, team-b]\n")), "WATCH_NAMESPACES").getValue());
  }

  @Test
  void apiTokenComesFromExistingSecret() {
    Container container = operatorContainer(render(REQUIRED_VALUES));

    EnvVar token = env(container, "OKTA_API_TOKEN");
    assertNull(token.getValue(), "OKTA_API_TOKEN must not have a literal value");
    SecretKeySelector secretKey = token.getValueFrom().getSecretKeyRef();
    assertEquals("okta-credentials", secretKey.getName());
    assertEquals("apiToken", secretKey.getKey());
  }

  @Test
  void apiTokenSecretKeyIsConfigurable() {
    Container container =
        operatorContainer(
            render(
                """
                okta:
                  orgUrl: https://example.okta.com
                  existingSecret: okta
                  existingSecretKey: token
                """));

    SecretKeySelector secretKey = env(container, "OKTA_API_TOKEN").getValueFrom().getSecretKeyRef();
    assertEquals("okta", secretKey.getName());
    assertEquals("token", secretKey.getKey());
  }

  @Test
  void orgUrlCanComeFromSecret() {
    Container container =
        operatorContainer(
            render(
                """
                okta:
                  existingSecret: okta-credentials
                  existingSecretOrgUrlKey: orgUrl
                """));

    EnvVar orgUrl = env(container, "OKTA_ORG_URL");
    assertNull(orgUrl.getValue(), "OKTA_ORG_URL must not have a literal value");
    assertEquals("okta-credentials", orgUrl.getValueFrom().getSecretKeyRef().getName());
    assertEquals("orgUrl", orgUrl.getValueFrom().getSecretKeyRef().getKey());
  }

  @Test
  void defaultsRunTwoReplicasWithLeaderElection() {
    List<HasMetadata> objects = render(REQUIRED_VALUES);
    Container container = operatorContainer(objects);

    assertEquals(2, deployment(objects).getSpec().getReplicas(), "replicas");
    assertEquals("true", env(container, "LEADER_ELECTION_ENABLED").getValue());
    assertEquals("metadata.namespace", env(container, "LEADER_ELECTION_NAMESPACE").getValueFrom().getFieldRef().getFieldPath());
    assertEquals("okta-user-operator", env(container, "LEADER_ELECTION_LEASE_NAME").getValue());
    assertEquals(LEADER_ELECTION_RULES, describe(leaderElectionRole(objects).getRules()));
  }

  @Test
  void noLeaderElectionDropsLeaseRole() {
    List<HasMetadata> objects = render(REQUIRED_VALUES + "replicaCount: 1\nleaderElection: {enabled: false}\n");

    assertEquals(1, deployment(objects).getSpec().getReplicas(), "replicas");
    assertEquals("false", env(operatorContainer(objects), "LEADER_ELECTION_ENABLED").getValue());
    assertEquals(List.of(), ofType(objects, Role.class), "Roles");
    assertEquals(List.of(), ofType(objects, RoleBinding.class), "RoleBindings");
  }

  @Test
  void defaultsSetRuntimeEnvironment() throws IOException {
    Container container = operatorContainer(render(REQUIRED_VALUES));

    assertAll(
        () -> assertEquals("https://example.okta.com", env(container, "OKTA_ORG_URL").getValue(), "OKTA_ORG_URL"),
        () -> assertEquals("", env(container, "WATCH_NAMESPACES").getValue(), "WATCH_NAMESPACES"),
        () -> assertEquals("INFO", env(container, "LOG_LEVEL").getValue(), "LOG_LEVEL"),
        () -> assertEquals("json", env(container, "LOG_FORMAT").getValue(), "LOG_FORMAT"),
        () -> assertEquals("8080", env(container, "HTTP_PORT").getValue(), "HTTP_PORT"),
        () -> assertTrue(env(container, "JAVA_TOOL_OPTIONS").getValue().contains("-XX:MaxRAMPercentage=75"), "JAVA_TOOL_OPTIONS"));

    assertEquals(List.of("java", "-jar", "/app/okta-user-operator.jar"), container.getCommand(), "command");
    assertEquals(List.of("run"), container.getArgs(), "args");
    assertEquals("ghcr.io/oktaoperator/okta-user-operator:" + chartAppVersion(), container.getImage(), "image");
    assertEquals("IfNotPresent", container.getImagePullPolicy(), "imagePullPolicy");
  }

  @Test
  void probesCheckHealthAndReadinessOnHttpPort() {
    Container container = operatorContainer(render(REQUIRED_VALUES));

    assertEquals(8080, container.getPorts().get(0).getContainerPort());
    assertEquals("http", container.getPorts().get(0).getName());
    assertEquals("/healthz", container.getLivenessProbe().getHttpGet().getPath(), "liveness path");
    assertEquals("http", container.getLivenessProbe().getHttpGet().getPort().getStrVal(), "liveness port");
    assertEquals("/healthz", container.getStartupProbe().getHttpGet().getPath(), "startup path");
    assertEquals("/readyz", container.getReadinessProbe().getHttpGet().getPath(), "readiness path");
    assertEquals("http", container.getReadinessProbe().getHttpGet().getPort().getStrVal(), "readiness port");
  }

  @Test
  void resourcesHaveRequestsAndMemoryLimit() {
    Container container = operatorContainer(render(REQUIRED_VALUES));

    assertEquals("100m", container.getResources().getRequests().get("cpu").toString());
    assertEquals("256Mi", container.getResources().getRequests().get("memory").toString());
    assertEquals("512Mi", container.getResources().getLimits().get("memory").toString());
  }

  @Test
  void metricsServiceTargetsHttpPort() {
    List<HasMetadata> objects = render(REQUIRED_VALUES);
    Service service = single(objects, Service.class);

    assertEquals(8080, service.getSpec().getPorts().get(0).getPort());
    assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
    assertEquals("http-metrics", service.getSpec().getPorts().get(0).getName());
    assertEquals(
        deployment(objects).getSpec().getSelector().getMatchLabels(),
        service.getSpec().getSelector(),
        "the Service must select the operator pods");
  }

  @Test
  void nonDefaultValuesReachDeployment() {
    List<HasMetadata> objects =
        render(
            """
            okta:
              orgUrl: https://acme.oktapreview.com
              existingSecret: acme-okta
            image:
              repository: registry.example.com/okta-user-operator
              tag: 1.2.3
              pullPolicy: Always
            imagePullSecrets: [{name: regcred}]
            replicaCount: 3
            logLevel: DEBUG
            logFormat: text
            jvmOptions: -XX:MaxRAMPercentage=60
            metrics: {port: 9090}
            podAnnotations: {example.com/team: identity}
            podLabels: {example.com/cost-center: it}
            nodeSelector: {kubernetes.io/os: linux}
            tolerations: [{key: dedicated, operator: Equal, value: operators, effect: NoSchedule}]
            affinity:
              podAntiAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 100
                    podAffinityTerm:
                      topologyKey: kubernetes.io/hostname
                      labelSelector: {matchLabels: {app.kubernetes.io/name: okta-user-operator}}
            priorityClassName: system-cluster-critical
            extraEnv: [{name: EXTRA_SETTING, value: "on"}]
            resources:
              requests: {cpu: 200m, memory: 384Mi}
              limits: {memory: 768Mi}
            """);
    Deployment deployment = deployment(objects);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container container = operatorContainer(pod);

    assertAll(
        () -> assertEquals(3, deployment.getSpec().getReplicas(), "replicas"),
        () -> assertEquals("registry.example.com/okta-user-operator:1.2.3", container.getImage(), "image"),
        () -> assertEquals("Always", container.getImagePullPolicy(), "imagePullPolicy"),
        () -> assertEquals("regcred", pod.getImagePullSecrets().get(0).getName(), "imagePullSecrets"),
        () -> assertEquals("https://acme.oktapreview.com", env(container, "OKTA_ORG_URL").getValue(), "OKTA_ORG_URL"),
        () -> assertEquals("acme-okta", env(container, "OKTA_API_TOKEN").getValueFrom().getSecretKeyRef().getName(), "token Secret"),
        () -> assertEquals("DEBUG", env(container, "LOG_LEVEL").getValue(), "LOG_LEVEL"),
        () -> assertEquals("text", env(container, "LOG_FORMAT").getValue(), "LOG_FORMAT"),
        () -> assertEquals("-XX:MaxRAMPercentage=60", env(container, "JAVA_TOOL_OPTIONS").getValue(), "JAVA_TOOL_OPTIONS"),
        () -> assertEquals("9090", env(container, "HTTP_PORT").getValue(), "HTTP_PORT"),
        () -> assertEquals(9090, container.getPorts().get(0).getContainerPort(), "containerPort"),
        () -> assertEquals(9090, single(objects, Service.class).getSpec().getPorts().get(0).getPort(), "Service port"),
        () -> assertEquals("on", env(container, "EXTRA_SETTING").getValue(), "extraEnv"),
        () -> assertEquals("identity", deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("example.com/team"), "podAnnotations"),
        () -> assertEquals("it", deployment.getSpec().getTemplate().getMetadata().getLabels().get("example.com/cost-center"), "podLabels"),
        () -> assertEquals(Map.of("kubernetes.io/os", "linux"), pod.getNodeSelector(), "nodeSelector"),
        () -> assertEquals("dedicated", pod.getTolerations().get(0).getKey(), "tolerations"),
        () -> assertEquals(
            100,
            pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().get(0).getWeight(),
            "affinity"),
        () -> assertEquals("system-cluster-critical", pod.getPriorityClassName(), "priorityClassName"),
        () -> assertEquals("384Mi", container.getResources().getRequests().get("memory").toString(), "memory request"),
        () -> assertEquals("768Mi", container.getResources().getLimits().get("memory").toString(), "memory limit"));
  }

  @Test
  void imageDigestReplacesTag() {
    String digest = "sha256:" + "a".repeat(64);
    Container container = operatorContainer(render(REQUIRED_VALUES + "image: {digest: \"" + digest + "\"}\n"));

    assertEquals("ghcr.io/oktaoperator/okta-user-operator@" + digest, container.getImage());
  }

  @Test
  void existingServiceAccountIsReused() {
    List<HasMetadata> objects = render(REQUIRED_VALUES + "serviceAccount: {create: false, name: platform-operators}\n");

    assertEquals(List.of(), ofType(objects, ServiceAccount.class), "ServiceAccounts");
    assertEquals("platform-operators", deployment(objects).getSpec().getTemplate().getSpec().getServiceAccountName());
    assertEquals(
        List.of("ServiceAccount okta-user-operator/platform-operators"),
        describeSubjects(single(objects, ClusterRoleBinding.class).getSubjects()));
  }

  @Test
  void createdServiceAccountCarriesAnnotations() {
    List<HasMetadata> objects =
        render(REQUIRED_VALUES + "serviceAccount: {annotations: {eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/okta}}\n");

    ServiceAccount serviceAccount = single(objects, ServiceAccount.class);
    assertEquals("okta-user-operator", serviceAccount.getMetadata().getName());
    assertEquals("arn:aws:iam::123456789012:role/okta", serviceAccount.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn"));
    assertEquals("okta-user-operator", deployment(objects).getSpec().getTemplate().getSpec().getServiceAccountName());
  }

  @Test
  void serviceMonitorRenderedOnlyWhenEnabled() {
    assertEquals(List.of(), serviceMonitors(render(REQUIRED_VALUES)), "ServiceMonitors with default values");

    List<HasMetadata> objects =
        render(REQUIRED_VALUES + "serviceMonitor: {enabled: true, interval: 30s, labels: {release: prometheus}}\n");
    List<GenericKubernetesResource> serviceMonitors = serviceMonitors(objects);
    assertEquals(1, serviceMonitors.size(), "ServiceMonitors when enabled");

    GenericKubernetesResource serviceMonitor = serviceMonitors.get(0);
    assertEquals("monitoring.coreos.com/v1", serviceMonitor.getApiVersion());
    assertEquals("prometheus", serviceMonitor.getMetadata().getLabels().get("release"));
    assertEquals("http-metrics", serviceMonitor.get("spec", "endpoints", 0, "port"));
    assertEquals("/metrics", serviceMonitor.get("spec", "endpoints", 0, "path"));
    assertEquals("30s", serviceMonitor.get("spec", "endpoints", 0, "interval"));
    assertEquals(
        single(objects, Service.class).getMetadata().getLabels().get("app.kubernetes.io/instance"),
        serviceMonitor.get("spec", "selector", "matchLabels", "app.kubernetes.io/instance"));
  }

  @Test
  void podDisruptionBudgetRenderedOnlyWhenEnabled() {
    assertEquals(List.of(), ofType(render(REQUIRED_VALUES), PodDisruptionBudget.class), "PodDisruptionBudgets with default values");

    List<HasMetadata> objects = render(REQUIRED_VALUES + "podDisruptionBudget: {enabled: true}\n");
    PodDisruptionBudget budget = single(objects, PodDisruptionBudget.class);
    assertEquals(1, budget.getSpec().getMinAvailable().getIntVal(), "minAvailable");
    assertNull(budget.getSpec().getMaxUnavailable(), "maxUnavailable");
    assertEquals(deployment(objects).getSpec().getSelector(), budget.getSpec().getSelector(), "selector");
  }

  @Test
  void podDisruptionBudgetAcceptsMaxUnavailablePercentage() {
    PodDisruptionBudget budget =
        single(render(REQUIRED_VALUES + "podDisruptionBudget: {enabled: true, maxUnavailable: 50%}\n"), PodDisruptionBudget.class);

    assertEquals("50%", budget.getSpec().getMaxUnavailable().getStrVal(), "maxUnavailable");
    assertNull(budget.getSpec().getMinAvailable(), "minAvailable");
  }

  @Test
  void namespacedObjectsLiveInReleaseNamespace() {
    for (HasMetadata object : render(REQUIRED_VALUES + "serviceMonitor: {enabled: true}\npodDisruptionBudget: {enabled: true}\n")) {
      boolean clusterScoped = object instanceof ClusterRole || object instanceof ClusterRoleBinding;
      String expected = clusterScoped ? null : RELEASE_NAMESPACE;
      assertEquals(expected, object.getMetadata().getNamespace(), object.getKind() + " " + object.getMetadata().getName());
    }
  }

  @Test
  void renderedObjectsHaveOnlyKnownFields() {
    List<HasMetadata> objects =
        render(
            REQUIRED_VALUES
                + """
                watchNamespaces: [team-a]
                serviceMonitor: {enabled: true}
                podDisruptionBudget: {enabled: true}
                imagePullSecrets: [{name: regcred}]
                tolerations: [{key: dedicated, operator: Exists}]
                """);

    for (HasMetadata object : objects) {
      if (object instanceof GenericKubernetesResource) {
        continue;
      }
      List<String> unknownFields = new ArrayList<>();
      collectUnknownFields(object, object.getKind(), unknownFields);
      assertEquals(List.of(), unknownFields, "fields the Kubernetes API does not define, in " + object.getKind());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "logFormat: xml                            | logFormat",
        "logLevel: verbose                         | logLevel",
        "replicaCount: two                         | replicaCount",
        "replicas: 2                               | replicas",
        "image: {pullPolicy: Sometimes}            | pullPolicy",
        "image: {tags: latest}                     | tags",
        "okta: {orgURL: https://example.okta.com}  | orgURL",
        "okta: {orgUrl: http://example.okta.com}   | orgUrl",
        "metrics: {port: 80}                       | port",
        "watchNamespaces: [Team_A]                 | watchNamespaces",
        "watchNamespaces: team-a                   | watchNamespaces",
        "leaderElection: {enabled: yes please}     | enabled",
        "serviceMonitor: {enabled: true, intervall: 30s} | intervall",
        "podDisruptionBudget: {enabled: true, minAvailable: half} | minAvailable",
        "resources: {requests: {cpu: lots}}        | cpu",
      })
  void schemaRejectsInvalidValue(String invalidValue, String reportedKey) {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> HelmChart.template(REQUIRED_VALUES + invalidValue + "\n", workDirectory));

    assertTrue(error.getMessage().contains("schema"), () -> "expected a schema validation error, got: " + error.getMessage());
    assertTrue(error.getMessage().contains(reportedKey), () -> "expected the error to name " + reportedKey + ", got: " + error.getMessage());
  }

  @Test
  void missingOrgUrlFailsWithClearMessage() {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> HelmChart.template("okta: {existingSecret: okta-credentials}\n", workDirectory));

    assertTrue(error.getMessage().contains("okta.orgUrl is required"), error.getMessage());
  }

  @Test
  void missingExistingSecretFailsWithClearMessage() {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> HelmChart.template("okta: {orgUrl: https://example.okta.com}\n", workDirectory));

    assertTrue(error.getMessage().contains("okta.existingSecret is required"), error.getMessage());
  }

  @Test
  void orgUrlSetTwiceFails() {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> HelmChart.template(REQUIRED_VALUES.replace("okta:\n", "okta:\n  existingSecretOrgUrlKey: orgUrl\n"), workDirectory));

    assertTrue(error.getMessage().contains("set only one of them"), error.getMessage());
  }

  @Test
  void severalReplicasWithoutLeaderElectionFail() {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> HelmChart.template(REQUIRED_VALUES + "leaderElection: {enabled: false}\n", workDirectory));

    assertTrue(error.getMessage().contains("replicaCount is 2 but leaderElection.enabled is false"), error.getMessage());
  }

  @Test
  void podDisruptionBudgetWithBothLimitsFails() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> HelmChart.template(REQUIRED_VALUES + "podDisruptionBudget: {enabled: true, minAvailable: 1, maxUnavailable: 1}\n", workDirectory));

    assertTrue(error.getMessage().contains("are both set"), error.getMessage());
  }

  @Test
  void notesShowSecretAndWatchedNamespaces() {
    String output = HelmChart.installDryRunOutput(REQUIRED_VALUES + "watchNamespaces: [team-a, team-b]\n", workDirectory);
    String notes = output.substring(output.indexOf("NOTES:"));

    assertTrue(notes.contains("kubectl create secret generic okta-credentials"), notes);
    assertTrue(notes.contains("--from-literal=apiToken="), notes);
    assertTrue(notes.contains("Watching:      namespaces team-a, team-b"), notes);
    assertTrue(notes.contains("namespace: team-a"), notes);
    assertTrue(notes.contains("helm show crds"), notes);
  }

  @Test
  void chartCrdMatchesCheckedInCrd() throws IOException {
    Path checkedIn = Path.of("crds/oktausers.oktaoperator.io-v1.yml");
    Path chartCopy = HelmChart.CHART_DIRECTORY.resolve("crds/oktausers.oktaoperator.io-v1.yml");

    assertEquals(
        Files.readString(checkedIn),
        Files.readString(chartCopy),
        "The chart's CRD is stale. Copy it with: cp " + checkedIn + " " + chartCopy);
  }

  @Test
  void chartContainsOnlyTheOktaUserCrd() throws IOException {
    try (var files = Files.list(HelmChart.CHART_DIRECTORY.resolve("crds"))) {
      assertEquals(List.of("oktausers.oktaoperator.io-v1.yml"), files.map(path -> path.getFileName().toString()).sorted().toList());
    }
  }

  private List<HasMetadata> render(String valuesYaml) {
    return HelmChart.render(valuesYaml, workDirectory);
  }

  static String chartAppVersion() throws IOException {
    return String.valueOf(HelmChart.readYaml(HelmChart.CHART_DIRECTORY.resolve("Chart.yaml")).get("appVersion"));
  }

  static List<String> problems(LintResult result) {
    return result.getMessages().stream()
        .filter(message -> message.contains("[WARNING]") || message.contains("[ERROR]"))
        .toList();
  }

  static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends HasMetadata> T single(List<HasMetadata> objects, Class<T> type) {
    List<T> matches = ofType(objects, type);
    assertEquals(1, matches.size(), () -> "expected exactly one " + type.getSimpleName() + " but found " + matches.size());
    return matches.get(0);
  }

  static Deployment deployment(List<HasMetadata> objects) {
    return single(objects, Deployment.class);
  }

  static Container operatorContainer(List<HasMetadata> objects) {
    return operatorContainer(deployment(objects).getSpec().getTemplate().getSpec());
  }

  static Container operatorContainer(PodSpec pod) {
    assertEquals(1, pod.getContainers().size(), "containers in the operator pod");
    return pod.getContainers().get(0);
  }

  static EnvVar env(Container container, String name) {
    List<EnvVar> matches = container.getEnv().stream().filter(variable -> variable.getName().equals(name)).toList();
    assertEquals(1, matches.size(), () -> "expected exactly one environment variable " + name + " but found " + matches.size());
    return matches.get(0);
  }

  static Role leaderElectionRole(List<HasMetadata> objects) {
    return ofType(objects, Role.class).stream()
        .filter(role -> role.getMetadata().getName().equals("okta-user-operator-leader-election"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Role okta-user-operator-leader-election"));
  }

  static List<GenericKubernetesResource> serviceMonitors(List<HasMetadata> objects) {
    return ofType(objects, GenericKubernetesResource.class).stream()
        .filter(object -> object.getKind().equals("ServiceMonitor"))
        .toList();
  }

  /**
   * Collects the paths of fields that Fabric8's model classes do not define. Fabric8 keeps such
   * fields in additionalProperties, so a misspelled field such as readOnlyRootFileSystem shows up here
   * while the API server would drop or reject it.
   */
  static void collectUnknownFields(Object value, String path, List<String> unknownFields) {
    if (value == null) {
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collectUnknownFields(list.get(i), path + "[" + i + "]", unknownFields);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        collectUnknownFields(entry.getValue(), path + "." + entry.getKey(), unknownFields);
      }
      return;
    }
    if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object fieldValue = invoke(getter, value);
      if (getter.getName().equals("getAdditionalProperties")) {
        for (Object key : ((Map<?, ?>) fieldValue).keySet()) {
          unknownFields.add(path + "." + key);
        }
      } else {
        String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
        collectUnknownFields(fieldValue, path + "." + field, unknownFields);
      }
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + getter + " of " + target.getClass(), e);
    }
  }

  /** Describes each rule as "apiGroups resources [verbs]", so a list comparison shows every difference. */
  static List<String> describe(List<PolicyRule> rules) {
    return rules.stream()
        .map(
            rule ->
                String.join(",", rule.getApiGroups())
                    + " "
                    + String.join(",", rule.getResources())
                    + " "
                    + rule.getVerbs()
                    + (rule.getResourceNames().isEmpty() ? "" : " names " + rule.getResourceNames()))
        .toList();
  }

  static List<String> describeSubjects(List<Subject> subjects) {
    return subjects.stream().map(subject -> subject.getKind() + " " + subject.getNamespace() + "/" + subject.getName()).toList();
  }
}
