package io.oktaoperator.sandbox;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.oktaoperator.api.v1alpha1.OktaUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * A Kubernetes API on 127.0.0.1 backed by Fabric8's mock server in CRUD mode, with the OktaUser CRD
 * installed. It stores objects and serves watches, but has no schema validation, garbage collection
 * or server-side apply.
 */
public final class EmbeddedKubernetes implements AutoCloseable {

  static final String CRD_RESOURCE = "/META-INF/fabric8/" + OktaUser.CRD_NAME + "-v1.yml";

  // The mock server logs every request through java.util.logging at INFO; only its warnings matter
  // here. The field keeps the configured logger from being garbage collected.
  private static final java.util.logging.Logger MOCK_SERVER_LOG = quietMockServerLog();

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private EmbeddedKubernetes(KubernetesMockServer server, KubernetesClient client) {
    this.server = server;
    this.client = client;
  }

  /** Starts the API on an ephemeral port of 127.0.0.1 and installs the OktaUser CRD. */
  public static EmbeddedKubernetes start() {
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
    try {
      server.init(InetAddress.getLoopbackAddress(), 0);
    } catch (RuntimeException e) {
      server.destroy();
      throw e;
    }
    KubernetesClient client = server.createClient();
    // The mock keeps status apart from the main resource only once the CRD exists in it.
    client.apiextensions().v1().customResourceDefinitions().resource(loadCrd(client)).create();
    return new EmbeddedKubernetes(server, client);
  }

  private static java.util.logging.Logger quietMockServerLog() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  /** Reads the generated OktaUser CRD from the class path. */
  public static CustomResourceDefinition loadCrd(KubernetesClient client) {
    try (InputStream crd = EmbeddedKubernetes.class.getResourceAsStream(CRD_RESOURCE)) {
      if (crd == null) {
        throw new IllegalStateException("The OktaUser CRD is missing from the class path at " + CRD_RESOURCE);
      }
      return client.apiextensions().v1().customResourceDefinitions().load(crd).item();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mock server itself, for tests that script one-off responses (such as a 409) in front of CRUD mode. */
  public KubernetesMockServer mockServer() {
    return server;
  }

  public KubernetesClient client() {
    return client;
  }

  /** Returns the API server URL, for a kubeconfig or kubectl's {@code --server}. */
  public String url() {
    return client.getMasterUrl().toString().replace("://localhost:", "://127.0.0.1:");
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
