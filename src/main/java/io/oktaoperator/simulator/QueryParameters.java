package io.oktaoperator.simulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decoded query parameters of a request, in the order they were sent. */
final class QueryParameters {

  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Parses a raw query string, such as {@code limit=2&search=status%20eq%20%22ACTIVE%22}; null
   * means none.
   */
  static QueryParameters parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      }
    }
    return new QueryParameters(values);
  }

  /** Returns the first value of a parameter, or null if it was not sent. */
  String first(String name) {
    List<String> list = values.get(name);
    return list == null ? null : list.get(0);
  }

  boolean contains(String name) {
    return values.containsKey(name);
  }

  Map<String, List<String>> asMap() {
    return Collections.unmodifiableMap(values);
  }

  /** Percent-encodes a query value, with spaces as {@code %20}. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Decodes a percent-encoded query name or value; {@code +} means a space, as in HTML forms.
   *
   * @throws ApiErrorException 400 E0000020 for an invalid escape such as {@code %zz}
   */
  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiErrors.badRequest().toException();
    }
  }
}
