package io.oktaoperator.simulator;

import java.util.regex.Pattern;

/**
 * A request path pattern for scripted faults. {@code *} matches one path segment or part of one
 * (no {@code /}), {@code **} matches any rest of the path including {@code /}; everything else
 * matches literally. Patterns are matched against the raw path, still percent-encoded, without
 * the query string: {@code /api/v1/users/*}{@code /lifecycle/*} matches every lifecycle operation.
 */
final class PathPattern {

  private final String text;
  private final Pattern regex;

  private PathPattern(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException if the pattern does not start with {@code /}
   */
  static PathPattern compile(String pattern) {
    if (pattern == null || !pattern.startsWith("/")) {
      throw new IllegalArgumentException("A path pattern must start with /, got " + pattern);
    }
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      if (pattern.startsWith("**", i)) {
        regex.append(".*");
        i += 2;
      } else if (pattern.charAt(i) == '*') {
        regex.append("[^/]*");
        i++;
      } else {
        int next = pattern.indexOf('*', i);
        int end = next < 0 ? pattern.length() : next;
        regex.append(Pattern.quote(pattern.substring(i, end)));
        i = end;
      }
    }
    return new PathPattern(pattern, Pattern.compile(regex.toString()));
  }

  boolean matches(String rawPath) {
    return regex.matcher(rawPath).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
