package io.oktaoperator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** One Okta user declared as a Kubernetes resource. */
@Group(OktaUser.GROUP)
@Version(OktaUser.VERSION)
@Plural("oktausers")
@Singular("oktauser")
@ShortNames("oktauser")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class OktaUser extends CustomResource<OktaUserSpec, OktaUserStatus> implements Namespaced {

  public static final String GROUP = "oktaoperator.io";
  public static final String VERSION = "v1alpha1";
  public static final String CRD_NAME = "oktausers." + GROUP;
  public static final String FINALIZER = GROUP + "/finalizer";
}
