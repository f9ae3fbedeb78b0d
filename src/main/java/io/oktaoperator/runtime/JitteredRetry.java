package io.oktaoperator.runtime;

import io.javaoperatorsdk.operator.processing.retry.Retry;
import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for failures expected to pass (Okta 5xx, timeouts, connection
 * errors, Kubernetes conflicts): the delay doubles from {@code initial} up to {@code max}, and each
 * delay is shortened by a random part of up to {@link #JITTER} so that many resources failing
 * together do not retry together. Retries never stop; the delay stays at {@code max}.
 */
public final class JitteredRetry implements Retry {

  /** Largest share of a delay that jitter takes off. */
  public static final double JITTER = 0.2;

  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;

  public JitteredRetry(Duration initial, Duration max, DoubleSupplier random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("initial must be positive and at most max, got " + initial + " and " + max);
    }
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** Returns the operator's default: 1 s, doubling, at most 5 minutes. */
  public static JitteredRetry defaults() {
    return new JitteredRetry(Duration.ofSeconds(1), Duration.ofMinutes(5), Math::random);
  }

  @Override
  public RetryExecution initExecution() {
    return new Execution();
  }

  /** Returns the delay before retry number {@code attempt} (1 for the first retry), without jitter. */
  Duration baseDelay(int attempt) {
    int doublings = Math.min(attempt - 1, 30);
    long millis = initial.toMillis() << doublings;
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }

  private final class Execution implements RetryExecution {

    private int attempts;

    @Override
    public Optional<Long> nextDelay() {
      attempts++;
      long base = baseDelay(attempts).toMillis();
      long jitter = (long) (base * JITTER * random.getAsDouble());
      return Optional.of(base - jitter);
    }

    @Override
    public boolean isLastAttempt() {
      return false;
    }

    @Override
    public int getAttemptCount() {
      return attempts;
    }
  }
}
