package io.oktaoperator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.oktaoperator.api.v1alpha1.OktaUser;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds OktaUser resources, in any namespace, that declare the same login as Okta compares logins.
 * One resource of such a group owns the Okta user. That is the one that recorded an Okta id,
 * because it created or adopted the user, else the oldest. The others make no Okta write.
 */
final class DuplicateGuard {

  static final String LOGIN_INDEX = "oktaoperator.io/login";

  private static final Comparator<OktaUser> PRECEDENCE =
      Comparator.<OktaUser, Boolean>comparing(user -> user.getStatus() == null || user.getStatus().getId() == null)
          .thenComparing(user -> Objects.toString(user.getMetadata().getCreationTimestamp(), ""))
          .thenComparing(user -> user.getMetadata().getNamespace())
          .thenComparing(user -> user.getMetadata().getName());

  private DuplicateGuard() {}

  /** The index function: the login key of the resource, or nothing when the spec has no login. */
  static List<String> loginKeys(OktaUser user) {
    if (user.getSpec() == null || user.getSpec().getProfile() == null || user.getSpec().getProfile().getLogin() == null) {
      return List.of();
    }
    return List.of(LoginKey.of(user.getSpec().getProfile().getLogin()));
  }

  /** Returns the resource that owns this resource's login when it is another resource. */
  static Optional<OktaUser> otherOwner(OktaUser resource, IndexedResourceCache<OktaUser> cache) {
    List<String> keys = loginKeys(resource);
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    List<OktaUser> sameLogin = cache.byIndex(LOGIN_INDEX, keys.get(0));
    String uid = resource.getMetadata().getUid();
    if (sameLogin.stream().noneMatch(user -> !Objects.equals(uid, user.getMetadata().getUid()))) {
      return Optional.empty();
    }
    // Use this reconcile's copy of the resource itself: the cache may not have its latest status.
    List<OktaUser> candidates = new java.util.ArrayList<>(
        sameLogin.stream().filter(user -> !Objects.equals(uid, user.getMetadata().getUid())).toList());
    candidates.add(resource);
    OktaUser owner = candidates.stream().min(PRECEDENCE).orElseThrow();
    return Objects.equals(owner.getMetadata().getUid(), uid) ? Optional.empty() : Optional.of(owner);
  }
}
