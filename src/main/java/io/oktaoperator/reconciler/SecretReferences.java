package io.oktaoperator.reconciler;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.SecretKeyReference;
import io.oktaoperator.api.v1alpha1.UserCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps Secrets to the OktaUsers that reference them, so that a new or changed password Secret
 * reconciles its OktaUsers at once instead of at the next resync.
 */
final class SecretReferences {

  static final String SECRET_INDEX = "oktaoperator.io/secret";

  private SecretReferences() {}

  /** The index function: {@code namespace/name} of each Secret the resource's credentials reference. */
  static List<String> referencedSecrets(OktaUser user) {
    List<String> keys = new ArrayList<>();
    UserCredentials credentials = user.getSpec() == null ? null : user.getSpec().getCredentials();
    if (credentials == null) {
      return keys;
    }
    add(keys, user, credentials.getPasswordSecretRef());
    if (credentials.getRecoveryQuestion() != null) {
      add(keys, user, credentials.getRecoveryQuestion().getAnswerSecretRef());
    }
    return keys;
  }

  /** Returns the OktaUsers that reference the Secret. */
  static Set<ResourceID> referencingUsers(Secret secret, IndexedResourceCache<OktaUser> cache) {
    String key = secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName();
    return cache.byIndex(SECRET_INDEX, key).stream().map(ResourceID::fromResource).collect(Collectors.toSet());
  }

  private static void add(List<String> keys, OktaUser user, SecretKeyReference reference) {
    if (reference != null && reference.getName() != null) {
      keys.add(user.getMetadata().getNamespace() + "/" + reference.getName());
    }
  }
}
