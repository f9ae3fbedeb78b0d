package io.oktaoperator.reconciler;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Compares logins as Okta does: ignoring letter case and diacritics. */
public final class LoginKey {

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private LoginKey() {}

  /** Returns the form under which two logins that Okta considers equal compare equal. */
  public static String of(String login) {
    if (login == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(login.trim(), Normalizer.Form.NFD);
    return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  public static boolean same(String left, String right) {
    return of(left).equals(of(right));
  }
}
