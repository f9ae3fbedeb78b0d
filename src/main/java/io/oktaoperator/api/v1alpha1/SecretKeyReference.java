package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A key of a Secret in the resource's own namespace. */
public class SecretKeyReference {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the Secret, in the namespace of the OktaUser.")
  private String name;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Key within the Secret's data.")
  private String key;

  public SecretKeyReference() {}

  public SecretKeyReference(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
