package io.oktaoperator.simulator;

import java.util.Locale;
import java.util.Optional;

/**
 * Okta's standard admin role types that can be assigned to a user, with their display labels, from
 * the {@code RoleType} schema of Okta's OpenAPI spec (release 2026.06.3). Custom roles are not
 * simulated.
 */
enum AdminRoleType {
  ACCESS_CERTIFICATIONS_ADMIN("Access Certifications Administrator"),
  ACCESS_REQUESTS_ADMIN("Access Requests Administrator"),
  API_ACCESS_MANAGEMENT_ADMIN("API Access Management Administrator"),
  APP_ADMIN("Application Administrator"),
  GROUP_MEMBERSHIP_ADMIN("Group Membership Administrator"),
  HELP_DESK_ADMIN("Help Desk Administrator"),
  MOBILE_ADMIN("Mobile Administrator"),
  ORG_ADMIN("Organizational Administrator"),
  READ_ONLY_ADMIN("Read-Only Administrator"),
  REPORT_ADMIN("Report Administrator"),
  SUPER_ADMIN("Super Administrator"),
  USER_ADMIN("User Administrator"),
  WORKFLOWS_ADMIN("Workflows Administrator");

  private final String label;

  AdminRoleType(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static Optional<AdminRoleType> parse(String type) {
    try {
      return Optional.of(valueOf(type.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
