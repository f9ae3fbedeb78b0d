package io.oktaoperator.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Okta's timestamp format: ISO-8601 UTC with milliseconds, such as {@code 2013-07-02T21:36:25.344Z}. */
final class Timestamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Formats an instant, or returns null for null. */
  static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }
}
