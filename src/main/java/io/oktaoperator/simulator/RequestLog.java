package io.oktaoperator.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent requests the simulator received, oldest first. Keeps at most {@link #CAPACITY}
 * entries so that a long-running simulator does not run out of memory. Thread-safe.
 */
final class RequestLog {

  static final int CAPACITY = 100_000;

  private final Deque<RecordedRequest> entries = new ArrayDeque<>();

  synchronized void add(RecordedRequest request) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(request);
  }

  synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(entries);
  }

  synchronized void clear() {
    entries.clear();
  }
}
