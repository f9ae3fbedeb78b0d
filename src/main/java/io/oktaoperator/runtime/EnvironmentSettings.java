package io.oktaoperator.runtime;

import io.oktaoperator.okta.SecretValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The operator's settings from environment variables, as the Helm chart sets them.
 *
 * @param oktaOrgUrl {@code OKTA_ORG_URL}, an https URL such as https://acme.okta.com
 * @param oktaApiToken {@code OKTA_API_TOKEN}
 * @param watchNamespaces {@code WATCH_NAMESPACES}, comma-separated; empty means all namespaces
 * @param httpPort {@code HTTP_PORT}, the port of /metrics, /healthz and /readyz (default 8080)
 * @param logFormat {@code LOG_FORMAT}, text (default) or json
 * @param leaderElection from {@code LEADER_ELECTION_ENABLED}, {@code LEADER_ELECTION_NAMESPACE} and
 *     {@code LEADER_ELECTION_LEASE_NAME}; null when leader election is off (the default)
 * @param adoptionEnabled {@code ADOPTION_ENABLED} (default true): false forbids every OktaUser from
 *     adopting an existing Okta user, whatever its {@code spec.adopt}
 * @param adminUsersAllowed {@code ADMIN_USERS_ALLOWED} (default false): true lets the operator adopt,
 *     change and delete Okta users who hold admin roles
 */
public record EnvironmentSettings(
    URI oktaOrgUrl,
    SecretValue oktaApiToken,
    Set<String> watchNamespaces,
    int httpPort,
    LogFormat logFormat,
    OperatorOptions.LeaderElection leaderElection,
    boolean adoptionEnabled,
    boolean adminUsersAllowed) {

  public static final String OKTA_ORG_URL = "OKTA_ORG_URL";
  public static final String OKTA_API_TOKEN = "OKTA_API_TOKEN";
  public static final String WATCH_NAMESPACES = "WATCH_NAMESPACES";
  public static final String HTTP_PORT = "HTTP_PORT";
  public static final String LOG_LEVEL = "LOG_LEVEL";
  static final java.util.List<String> LOG_LEVELS = java.util.List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
  /** A Kubernetes namespace name: an RFC 1123 label. */
  static final java.util.regex.Pattern NAMESPACE_NAME = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  public static final String LOG_FORMAT = "LOG_FORMAT";
  public static final String LEADER_ELECTION_ENABLED = "LEADER_ELECTION_ENABLED";
  public static final String LEADER_ELECTION_NAMESPACE = "LEADER_ELECTION_NAMESPACE";
  public static final String LEADER_ELECTION_LEASE_NAME = "LEADER_ELECTION_LEASE_NAME";
  public static final String ADOPTION_ENABLED = "ADOPTION_ENABLED";
  public static final String ADMIN_USERS_ALLOWED = "ADMIN_USERS_ALLOWED";
  static final int DEFAULT_HTTP_PORT = 8080;
  static final String DEFAULT_LEASE_NAME = "okta-user-operator";

  /**
   * Reads and checks the settings.
   *
   * @param allowInsecureLoopback whether an http URL to a loopback host (a local simulator) is accepted
   * @throws InvalidSettingException naming the variable and the fix, never echoing the token
   */
  public static EnvironmentSettings from(Map<String, String> environment, boolean allowInsecureLoopback) {
    String url = environment.get(OKTA_ORG_URL);
    if (url == null || url.isBlank()) {
      throw new InvalidSettingException(OKTA_ORG_URL + " is not set: set it to your Okta org URL, such as https://acme.okta.com");
    }
    URI orgUrl = parseOrgUrl(url.trim(), allowInsecureLoopback);

    String token = environment.get(OKTA_API_TOKEN);
    if (token == null || token.isBlank()) {
      throw new InvalidSettingException(OKTA_API_TOKEN + " is not set: set it to an Okta API token (SSWS token)");
    }
    if (token.regionMatches(true, 0, "SSWS ", 0, 5)) {
      throw new InvalidSettingException(OKTA_API_TOKEN + " starts with 'SSWS ': set the token alone, without the scheme");
    }
    if (token.trim().length() != token.length() || token.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidSettingException(OKTA_API_TOKEN + " contains whitespace: remove spaces and line breaks from the token");
    }

    Set<String> namespaces = new LinkedHashSet<>();
    String watch = environment.getOrDefault(WATCH_NAMESPACES, "");
    Arrays.stream(watch.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(namespaces::add);
    for (String namespace : namespaces) {
      if (!NAMESPACE_NAME.matcher(namespace).matches()) {
        throw new InvalidSettingException(
            WATCH_NAMESPACES + " contains '" + namespace + "', which is not a namespace name: use lower-case letters,"
                + " digits and '-', at most 63 characters");
      }
    }
    String logLevel = environment.getOrDefault(LOG_LEVEL, "").trim();
    if (!logLevel.isEmpty() && !LOG_LEVELS.contains(logLevel.toUpperCase(java.util.Locale.ROOT))) {
      throw new InvalidSettingException(LOG_LEVEL + " must be one of " + LOG_LEVELS + ", not '" + logLevel + "'");
    }
    return new EnvironmentSettings(
        orgUrl,
        SecretValue.of(token),
        namespaces,
        parsePort(environment.get(HTTP_PORT)),
        LogFormat.parse(environment.get(LOG_FORMAT)),
        parseLeaderElection(environment),
        parseBoolean(environment, ADOPTION_ENABLED, true),
        parseBoolean(environment, ADMIN_USERS_ALLOWED, false));
  }

  private static boolean parseBoolean(Map<String, String> environment, String name, boolean defaultValue) {
    String value = environment.getOrDefault(name, "").trim();
    if (value.isEmpty()) {
      return defaultValue;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new InvalidSettingException(name + " must be true or false, not '" + value + "'");
  }

  private static int parsePort(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_HTTP_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the fix.
    }
    throw new InvalidSettingException(HTTP_PORT + " is not a valid port (" + value + "): use a number from 1 to 65535");
  }

  private static OperatorOptions.LeaderElection parseLeaderElection(Map<String, String> environment) {
    if (!parseBoolean(environment, LEADER_ELECTION_ENABLED, false)) {
      return null;
    }
    String namespace = environment.get(LEADER_ELECTION_NAMESPACE);
    if (namespace == null || namespace.isBlank()) {
      throw new InvalidSettingException(
          LEADER_ELECTION_NAMESPACE + " is not set: set it to the operator's namespace (the Helm chart sets it from"
              + " the pod's namespace)");
    }
    String leaseName = environment.getOrDefault(LEADER_ELECTION_LEASE_NAME, "").trim();
    return new OperatorOptions.LeaderElection(leaseName.isEmpty() ? DEFAULT_LEASE_NAME : leaseName, namespace.trim());
  }

  private static URI parseOrgUrl(String url, boolean allowInsecureLoopback) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidSettingException(OKTA_ORG_URL + " is not a valid URL (" + url + "): use a URL such as https://acme.okta.com");
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw new InvalidSettingException(OKTA_ORG_URL + " is not a valid URL (" + url + "): use a URL such as https://acme.okta.com");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean http = "http".equalsIgnoreCase(uri.getScheme());
    if (!https && !(http && allowInsecureLoopback)) {
      throw new InvalidSettingException(
          OKTA_ORG_URL + " must use https (" + url + "); plain http is accepted only for a loopback simulator with"
              + " --allow-insecure-loopback");
    }
    if ((uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath())) || uri.getQuery() != null) {
      throw new InvalidSettingException(
          OKTA_ORG_URL + " must be the org's base URL without a path (" + url + "), such as https://acme.okta.com");
    }
    return uri;
  }

  /** An environment variable is missing or malformed; the message names it and the fix. */
  public static final class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String message) {
      super(message);
    }
  }
}
