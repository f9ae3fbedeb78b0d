package io.oktaoperator.simulator;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comparison key of a login. Okta treats logins as equal when they differ only in case or in
 * diacritics, so {@code Isaac.Brock@example.com} and {@code isáàc.bröck@example.com} collide.
 */
final class LoginKey {

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private LoginKey() {}

  /** Returns the key: the login decomposed (NFD), without combining marks, in lower case. */
  static String of(String login) {
    String decomposed = Normalizer.normalize(login, Normalizer.Form.NFD);
    String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
    return withoutMarks.toLowerCase(Locale.ROOT);
  }

  /** Returns the key of the part before {@code @}, which Okta accepts as a short name. */
  static String ofShortName(String login) {
    int at = login.indexOf('@');
    return of(at < 0 ? login : login.substring(0, at));
  }
}
