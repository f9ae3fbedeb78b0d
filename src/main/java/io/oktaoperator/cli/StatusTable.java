package io.oktaoperator.cli;

import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.reconciler.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Renders OktaUsers as a plain-text table: name, login, Okta id, Okta status, Ready. */
final class StatusTable {

  private static final String[] HEADERS = {"NAME", "LOGIN", "OKTA ID", "OKTA STATUS", "READY"};

  private StatusTable() {}

  static String render(List<OktaUser> users) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (OktaUser user : users) {
      var status = user.getStatus();
      var ready = status == null ? null : Conditions.find(status.getConditions(), Conditions.READY);
      rows.add(new String[] {
        user.getMetadata().getNamespace() + "/" + user.getMetadata().getName(),
        user.getSpec().getProfile().getLogin(),
        status == null ? "" : Objects.toString(status.getId(), ""),
        status == null ? "" : Objects.toString(status.getStatus(), ""),
        ready == null ? "Unknown" : ready.getStatus()
      });
    }
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString().stripTrailing();
  }
}
