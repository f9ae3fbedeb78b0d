package io.oktaoperator.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Eventually consistent view of the users for {@code search} and {@code filter}, which Okta serves
 * from an index that lags behind writes. The index stores the versions of each user it has
 * observed, and a search returns each user as of a cutoff time: the latest version changed at or
 * before it. Not
 * thread-safe: {@link UserStore} calls it under its lock.
 *
 * <p>NOTE: versions are taken when a search runs, dated by the user's {@code lastUpdated}, so an
 * intermediate version between two searches is never seen. A change then shows up one lag after
 * the latest change, which is no earlier than Okta's index would show it.
 */
final class SearchIndex {

  /** One version of a user; a null user means removed. */
  private record Version(Instant at, SimulatedUser user) {}

  /** Versions by user id, oldest first. */
  private final Map<String, Deque<Version>> versions = new TreeMap<>();

  /** Records the current state of a user if it differs from the last version seen. */
  void observe(SimulatedUser user) {
    Deque<Version> history = versions.computeIfAbsent(user.id(), id -> new ArrayDeque<>());
    Version latest = history.peekLast();
    if (latest == null || !user.equals(latest.user())) {
      history.addLast(new Version(user.lastUpdated(), user));
    }
  }

  /** Records that a user was removed at {@code at}. */
  void removed(String id, Instant at) {
    Deque<Version> history = versions.get(id);
    if (history != null) {
      history.addLast(new Version(at, null));
    }
  }

  /**
   * Returns the users as the index shows them at {@code cutoff}, in id order, and drops versions
   * that no later cutoff can return.
   */
  List<SimulatedUser> asOf(Instant cutoff) {
    List<SimulatedUser> visible = new ArrayList<>();
    Iterator<Map.Entry<String, Deque<Version>>> entries = versions.entrySet().iterator();
    while (entries.hasNext()) {
      Deque<Version> history = entries.next().getValue();
      Version current = null;
      for (Version version : history) {
        if (!version.at().isAfter(cutoff)) {
          current = version;
        }
      }
      while (history.size() > 1 && history.peekFirst() != current && !history.peekFirst().at().isAfter(cutoff)) {
        history.removeFirst();
      }
      if (current != null && current.user() != null) {
        visible.add(current.user());
      } else if (current != null && history.size() == 1) {
        entries.remove();
      }
    }
    return visible;
  }
}
