package io.oktaoperator.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Parser of the {@code search} and {@code filter} expressions of {@code GET /api/v1/users} into
 * predicates over users.
 *
 * <p>Grammar: comparisons {@code attribute op value} or {@code attribute pr}, joined by {@code and}
 * (binding tighter) and {@code or}, grouped with parentheses. Operators and keywords are
 * case-insensitive; attribute names are case-sensitive. {@code search} compares string values
 * ignoring case and {@code filter} compares them exactly; both keep diacritics significant.
 *
 * <p>TODO: {@code not}, array-valued comparisons beyond "any element matches", and Okta's
 * limit on expression length are not simulated yet.
 */
final class UserSearch {

  /** Query parameter that carried the expression. The two accept different attributes and operators. */
  enum Dialect {
    /** {@code search}: most attributes, operators eq, sw, co, gt, ge, lt, le, pr. */
    SEARCH,
    /** {@code filter}: a few attributes, only eq, and gt, ge, lt, le on lastUpdated. */
    FILTER
  }

  private enum Operator {
    EQ,
    SW,
    CO,
    GT,
    GE,
    LT,
    LE,
    PR
  }

  private static final Set<String> DATE_ATTRIBUTES = Set.of("created", "activated", "statusChanged", "lastUpdated");
  private static final Set<String> SEARCH_STRING_ATTRIBUTES = Set.of("id", "status", "type.id");
  private static final Set<String> CONTAINS_ATTRIBUTES =
      Set.of("profile.firstName", "profile.lastName", "profile.email", "profile.login");
  private static final Set<String> FILTER_ATTRIBUTES =
      Set.of(
          "status",
          "lastUpdated",
          "id",
          "profile.login",
          "profile.email",
          "profile.firstName",
          "profile.lastName");

  private final List<String> tokens;
  private final Dialect dialect;
  private int position;

  private UserSearch(List<String> tokens, Dialect dialect) {
    this.tokens = tokens;
    this.dialect = dialect;
  }

  /**
   * Parses an expression.
   *
   * @throws ApiErrorException 400 E0000031 for an expression that is not valid in the dialect, or
   *     E0000030 for an invalid date
   */
  static Predicate<SimulatedUser> parse(String expression, Dialect dialect) {
    UserSearch parser = new UserSearch(tokenize(expression), dialect);
    Predicate<SimulatedUser> predicate = parser.parseOr();
    if (parser.position != parser.tokens.size()) {
      throw invalid();
    }
    return predicate;
  }

  private Predicate<SimulatedUser> parseOr() {
    Predicate<SimulatedUser> predicate = parseAnd();
    while (nextIsKeyword("or")) {
      position++;
      predicate = predicate.or(parseAnd());
    }
    return predicate;
  }

  private Predicate<SimulatedUser> parseAnd() {
    Predicate<SimulatedUser> predicate = parseFactor();
    while (nextIsKeyword("and")) {
      position++;
      predicate = predicate.and(parseFactor());
    }
    return predicate;
  }

  private Predicate<SimulatedUser> parseFactor() {
    if ("(".equals(peek())) {
      position++;
      Predicate<SimulatedUser> inner = parseOr();
      expect(")");
      return inner;
    }
    return parseComparison();
  }

  private Predicate<SimulatedUser> parseComparison() {
    String attribute = next();
    if (!isAttributeName(attribute)) {
      throw invalid();
    }
    Operator operator = parseOperator(next());
    checkAllowed(attribute, operator);
    Function<SimulatedUser, Object> accessor = accessor(attribute);
    if (operator == Operator.PR) {
      return user -> accessor.apply(user) != null;
    }
    Object literal = parseLiteral(next());
    if (DATE_ATTRIBUTES.contains(attribute)) {
      if (!(literal instanceof String text)) {
        throw invalid();
      }
      Instant bound = parseDate(text);
      return user -> compareDates((Instant) accessor.apply(user), operator, bound);
    }
    boolean ignoreCase = dialect == Dialect.SEARCH;
    return user -> matches(accessor.apply(user), operator, literal, ignoreCase);
  }

  private void checkAllowed(String attribute, Operator operator) {
    if (dialect == Dialect.FILTER) {
      boolean ordered =
          operator == Operator.GT || operator == Operator.GE || operator == Operator.LT || operator == Operator.LE;
      boolean allowedOperator = operator == Operator.EQ || (ordered && attribute.equals("lastUpdated"));
      if (!FILTER_ATTRIBUTES.contains(attribute) || !allowedOperator) {
        throw invalid();
      }
      return;
    }
    boolean known =
        DATE_ATTRIBUTES.contains(attribute)
            || SEARCH_STRING_ATTRIBUTES.contains(attribute)
            || attribute.startsWith("profile.");
    if (!known || (operator == Operator.CO && !CONTAINS_ATTRIBUTES.contains(attribute))) {
      throw invalid();
    }
  }

  /** Returns whether {@code search} accepts an attribute name, such as {@code profile.lastName}; names are case-sensitive. */
  static boolean isSearchAttribute(String attribute) {
    return isAttributeName(attribute)
        && (DATE_ATTRIBUTES.contains(attribute)
            || SEARCH_STRING_ATTRIBUTES.contains(attribute)
            || attribute.startsWith("profile."));
  }

  /** Returns the function that reads an attribute accepted by {@link #isSearchAttribute} from a user. */
  static Function<SimulatedUser, Object> accessor(String attribute) {
    switch (attribute) {
      case "id":
        return SimulatedUser::id;
      case "status":
        return SimulatedUser::status;
      case "type.id":
        return SimulatedUser::typeId;
      case "created":
        return SimulatedUser::created;
      case "activated":
        return SimulatedUser::activated;
      case "statusChanged":
        return SimulatedUser::statusChanged;
      case "lastUpdated":
        return SimulatedUser::lastUpdated;
      default:
        String name = attribute.substring("profile.".length());
        return user -> user.profile().get(name);
    }
  }

  private static boolean compareDates(Instant actual, Operator operator, Instant bound) {
    if (actual == null) {
      return false;
    }
    int comparison = actual.compareTo(bound);
    switch (operator) {
      case EQ:
        return comparison == 0;
      case GT:
        return comparison > 0;
      case GE:
        return comparison >= 0;
      case LT:
        return comparison < 0;
      case LE:
        return comparison <= 0;
      default:
        throw invalid();
    }
  }

  private static boolean matches(Object actual, Operator operator, Object literal, boolean ignoreCase) {
    if (actual instanceof List<?> elements) {
      return elements.stream().anyMatch(element -> matches(element, operator, literal, ignoreCase));
    }
    if (actual instanceof String text && literal instanceof String expected) {
      String left = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
      String right = ignoreCase ? expected.toLowerCase(Locale.ROOT) : expected;
      switch (operator) {
        case SW:
          return left.startsWith(right);
        case CO:
          return left.contains(right);
        default:
          return compareOrdered(left.compareTo(right), operator);
      }
    }
    if (actual instanceof Number number && literal instanceof BigDecimal expected) {
      return compareOrdered(new BigDecimal(number.toString()).compareTo(expected), operator);
    }
    if (actual instanceof Boolean flag && literal instanceof Boolean expected) {
      return operator == Operator.EQ && flag.equals(expected);
    }
    return false;
  }

  private static boolean compareOrdered(int comparison, Operator operator) {
    switch (operator) {
      case EQ:
        return comparison == 0;
      case GT:
        return comparison > 0;
      case GE:
        return comparison >= 0;
      case LT:
        return comparison < 0;
      case LE:
        return comparison <= 0;
      default:
        return false;
    }
  }

  private static Operator parseOperator(String token) {
    if (token == null || token.startsWith("\"")) {
      throw invalid();
    }
    try {
      return Operator.valueOf(token.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** Returns a String for a quoted value, a BigDecimal for a number, or a Boolean. */
  private static Object parseLiteral(String token) {
    if (token == null) {
      throw invalid();
    }
    if (token.startsWith("\"")) {
      return token.substring(1);
    }
    if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
      return Boolean.valueOf(token);
    }
    try {
      return new BigDecimal(token);
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static Instant parseDate(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiErrors.invalidDate().toException();
    }
  }

  private static boolean isAttributeName(String token) {
    return token != null && token.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  }

  /**
   * Splits an expression into tokens: parentheses, quoted strings (kept with their opening quote
   * as a marker, escapes resolved), and bare words.
   */
  private static List<String> tokenize(String expression) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        StringBuilder value = new StringBuilder("\"");
        i++;
        while (true) {
          if (i >= expression.length()) {
            throw invalid();
          }
          char d = expression.charAt(i++);
          if (d == '"') {
            break;
          }
          if (d == '\\') {
            if (i >= expression.length()) {
              throw invalid();
            }
            d = expression.charAt(i++);
          }
          value.append(d);
        }
        tokens.add(value.toString());
      } else {
        int start = i;
        while (i < expression.length()
            && !Character.isWhitespace(expression.charAt(i))
            && "()\"".indexOf(expression.charAt(i)) < 0) {
          i++;
        }
        tokens.add(expression.substring(start, i));
      }
    }
    if (tokens.isEmpty()) {
      throw invalid();
    }
    return tokens;
  }

  private boolean nextIsKeyword(String keyword) {
    String token = peek();
    return token != null && !token.startsWith("\"") && token.equalsIgnoreCase(keyword);
  }

  private void expect(String token) {
    if (!token.equals(next())) {
      throw invalid();
    }
  }

  private String peek() {
    return position < tokens.size() ? tokens.get(position) : null;
  }

  private String next() {
    String token = peek();
    if (token != null) {
      position++;
    }
    return token;
  }

  private static ApiErrorException invalid() {
    return ApiErrors.invalidSearchCriteria().toException();
  }
}
