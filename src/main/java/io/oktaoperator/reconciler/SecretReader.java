package io.oktaoperator.reconciler;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.oktaoperator.api.v1alpha1.SecretKeyReference;
import io.oktaoperator.okta.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads credential values from Secrets in the OktaUser's namespace. */
public final class SecretReader {

  private final KubernetesClient client;

  public SecretReader(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Reads one key of a Secret.
   *
   * @param field the spec field holding the reference, named in the error message
   * @throws MissingSecretException when the Secret or the key does not exist, or the value is empty
   */
  public SecretKey read(String namespace, SecretKeyReference reference, String field) {
    Secret secret = client.secrets().inNamespace(namespace).withName(reference.getName()).get();
    if (secret == null) {
      throw new MissingSecretException(
          field + " names Secret " + namespace + "/" + reference.getName() + ", which does not exist: create it");
    }
    String value = null;
    if (secret.getData() != null && secret.getData().get(reference.getKey()) != null) {
      byte[] decoded = Base64.getDecoder().decode(secret.getData().get(reference.getKey()));
      value = new String(decoded, StandardCharsets.UTF_8);
    } else if (secret.getStringData() != null) {
      // The API server folds stringData into data; test API servers may not.
      value = secret.getStringData().get(reference.getKey());
    }
    if (value == null || value.isEmpty()) {
      throw new MissingSecretException(
          field + " names key '" + reference.getKey() + "' of Secret " + namespace + "/" + reference.getName()
              + ", which is missing or empty: add the key to the Secret");
    }
    return new SecretKey(SecretValue.of(value), secret.getMetadata().getResourceVersion());
  }

  /**
   * A value read from a Secret.
   *
   * @param resourceVersion the Secret's resourceVersion, recorded to detect later changes
   */
  public record SecretKey(SecretValue value, String resourceVersion) {}

  /** A referenced Secret or key is absent; the message names the spec field and the fix. */
  public static final class MissingSecretException extends RuntimeException {

    public MissingSecretException(String message) {
      super(message);
    }
  }
}
