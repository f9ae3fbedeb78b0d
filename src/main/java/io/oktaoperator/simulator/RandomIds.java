package io.oktaoperator.simulator;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generator of Okta-style identifiers. User ids are 20 characters: {@code 00u}, a 7-character
 * sequence number and 10 random characters, all base62 in ASCII order, so sorting ids as strings
 * sorts users by creation. List cursors rely on that order.
 */
final class RandomIds {

  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int SEQUENCE_LENGTH = 7;
  private static final long SEQUENCE_CAPACITY = pow62(SEQUENCE_LENGTH);

  private final SecureRandom random = new SecureRandom();
  private final AtomicLong userSequence;

  RandomIds() {
    // Starts at a random point in the first half of the range so ids from different simulator
    // runs look different, with room for 1.7 trillion users.
    this.userSequence = new AtomicLong((long) (random.nextDouble() * (SEQUENCE_CAPACITY / 2)));
  }

  String nextUserId() {
    return "00u" + encode(userSequence.getAndIncrement(), SEQUENCE_LENGTH) + randomChars(10);
  }

  /**
   * Moves the user id sequence past that of {@code userId}, so users created from now on sort
   * after a restored user. Ids that this class did not generate are ignored.
   */
  void advancePast(String userId) {
    if (userId.length() != 20 || !userId.startsWith("00u")) {
      return;
    }
    long sequence = 0;
    for (char c : userId.substring(3, 3 + SEQUENCE_LENGTH).toCharArray()) {
      int digit = BASE62.indexOf(c);
      if (digit < 0) {
        return;
      }
      sequence = sequence * 62 + digit;
    }
    long next = sequence + 1;
    userSequence.accumulateAndGet(next, Math::max);
  }

  /** Returns a user type id such as {@code otyABC...}, 20 characters. */
  String nextUserTypeId() {
    return "oty" + randomChars(17);
  }

  /** Returns a profile schema id such as {@code oscABC...}, 20 characters. */
  String nextSchemaId() {
    return "osc" + randomChars(17);
  }

  /** Returns an error id such as {@code oaeABC...}, 25 characters like Okta's. */
  String nextErrorId() {
    return "oae" + randomChars(22);
  }

  /**
   * Returns a request id for the {@code X-Okta-Request-Id} header. Every response needs one, and
   * it is no secret, so it comes from ThreadLocalRandom: the shared SecureRandom serializes the
   * request threads.
   */
  String nextRequestId() {
    return randomChars(ThreadLocalRandom.current(), 27);
  }

  /** Returns an activation token, 20 characters like Okta's. */
  String nextActivationToken() {
    return randomChars(20);
  }

  /** Returns a temporary password such as {@code F46gy7X4}: 8 characters, meeting Okta's default policy. */
  String nextTemporaryPassword() {
    return "" + (char) ('A' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)) + random.nextInt(10) + randomChars(5);
  }

  /** Returns a role assignment id such as {@code ra1ABC...}, 20 characters. */
  String nextRoleAssignmentId() {
    return "ra1" + randomChars(17);
  }

  /** Returns a random API token for a simulator started without one. */
  String nextApiToken() {
    return "00" + randomChars(40);
  }

  private String randomChars(int length) {
    return randomChars(random, length);
  }

  private static String randomChars(Random random, int length) {
    StringBuilder chars = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      chars.append(BASE62.charAt(random.nextInt(BASE62.length())));
    }
    return chars.toString();
  }

  private static String encode(long value, int length) {
    char[] digits = new char[length];
    long remaining = value % SEQUENCE_CAPACITY;
    for (int i = length - 1; i >= 0; i--) {
      digits[i] = BASE62.charAt((int) (remaining % 62));
      remaining /= 62;
    }
    return new String(digits);
  }

  private static long pow62(int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= 62;
    }
    return result;
  }
}
