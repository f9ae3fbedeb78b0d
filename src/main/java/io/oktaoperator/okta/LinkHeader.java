package io.oktaoperator.okta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parser of HTTP {@code Link} headers (RFC 8288), as Okta sends them for pagination. A response may
 * carry several {@code Link} headers, each with one or more comma-separated links, and a URI in
 * angle brackets may itself contain commas and semicolons.
 */
final class LinkHeader {

  /** A link's URI reference (the text between the angle brackets) and its relation types in lower case. */
  record WebLink(String uri, Set<String> relations) {}

  private LinkHeader() {}

  /** Returns the URI of the first link whose relation types include {@code next}, if any. */
  static Optional<String> findNext(List<String> headerValues) {
    for (String headerValue : headerValues) {
      for (WebLink link : parse(headerValue)) {
        if (link.relations().contains("next")) {
          return Optional.of(link.uri());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Parses one header value. A malformed link is skipped up to the next comma, so one bad entry
   * does not hide the others.
   */
  static List<WebLink> parse(String headerValue) {
    List<WebLink> links = new ArrayList<>();
    Cursor cursor = new Cursor(headerValue);

    while (true) {
      cursor.skipWhitespaceAndCommas();
      if (cursor.atEnd()) {
        return links;
      }
      if (cursor.peek() != '<') {
        cursor.skipPast(',');
        continue;
      }

      int end = headerValue.indexOf('>', cursor.position + 1);
      if (end < 0) {
        return links;
      }
      String uri = headerValue.substring(cursor.position + 1, end).trim();
      cursor.position = end + 1;

      Set<String> relations = readRelations(cursor);
      links.add(new WebLink(uri, relations));
    }
  }

  /**
   * Reads the parameters after a link's URI up to the comma that ends the link, and returns the
   * relation types of its {@code rel} parameter. RFC 8288 requires parsers to ignore every {@code
   * rel} after the first.
   */
  private static Set<String> readRelations(Cursor cursor) {
    Set<String> relations = null;

    while (true) {
      cursor.skipWhitespace();
      if (cursor.atEnd()) {
        break;
      }
      char next = cursor.peek();
      if (next == ',') {
        cursor.position++;
        break;
      }
      if (next != ';') {
        // Skip text that is not a parameter, up to the next parameter or link.
        cursor.skipUntil(";,");
        continue;
      }

      cursor.position++;
      cursor.skipWhitespace();
      String name = cursor.readToken();
      cursor.skipWhitespace();
      String value = "";
      if (!cursor.atEnd() && cursor.peek() == '=') {
        cursor.position++;
        cursor.skipWhitespace();
        value = !cursor.atEnd() && cursor.peek() == '"' ? cursor.readQuotedString() : cursor.readToken();
      }

      if (relations == null && name.equalsIgnoreCase("rel")) {
        relations = relationTypes(value);
      }
    }
    return relations == null ? Set.of() : relations;
  }

  private static Set<String> relationTypes(String value) {
    String trimmed = value.trim();
    if (trimmed.isEmpty()) {
      return Set.of();
    }
    // Set.copyOf, unlike Set.of, accepts a repeated relation type such as "next next".
    return Set.copyOf(Arrays.asList(trimmed.toLowerCase(Locale.ROOT).split("\\s+")));
  }

  /** A read position in one header value. */
  private static final class Cursor {

    private final String text;
    private int position;

    Cursor(String text) {
      this.text = text == null ? "" : text;
    }

    boolean atEnd() {
      return position >= text.length();
    }

    char peek() {
      return text.charAt(position);
    }

    void skipWhitespace() {
      while (!atEnd() && Character.isWhitespace(peek())) {
        position++;
      }
    }

    void skipWhitespaceAndCommas() {
      while (!atEnd() && (Character.isWhitespace(peek()) || peek() == ',')) {
        position++;
      }
    }

    void skipPast(char delimiter) {
      int found = text.indexOf(delimiter, position);
      position = found < 0 ? text.length() : found + 1;
    }

    void skipUntil(String delimiters) {
      while (!atEnd() && delimiters.indexOf(peek()) < 0) {
        position++;
      }
    }

    /** Reads a parameter name or unquoted value, which ends at whitespace, '=', ';' or ','. */
    String readToken() {
      int start = position;
      while (!atEnd() && !Character.isWhitespace(peek()) && "=;,".indexOf(peek()) < 0) {
        position++;
      }
      return text.substring(start, position);
    }

    /** Reads a quoted string starting at its opening quote, resolving backslash escapes. */
    String readQuotedString() {
      StringBuilder value = new StringBuilder();
      position++;
      while (!atEnd()) {
        char c = text.charAt(position++);
        if (c == '"') {
          break;
        }
        if (c == '\\' && !atEnd()) {
          c = text.charAt(position++);
        }
        value.append(c);
      }
      return value.toString();
    }
  }
}
