package io.oktaoperator.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fails the build when the CRD checked in under crds/ differs from the one generated from the classes. */
class CrdDriftTest {

  static final Path GENERATED = Path.of("target/classes/META-INF/fabric8/oktausers.oktaoperator.io-v1.yml");
  static final Path CHECKED_IN = Path.of("crds/oktausers.oktaoperator.io-v1.yml");

  @Test
  void checkedInCrdMatchesGeneratedCrd() throws IOException {
    String generated = Files.readString(GENERATED);
    String checkedIn = Files.readString(CHECKED_IN);

    assertEquals(
        generated,
        checkedIn,
        "crds/oktausers.oktaoperator.io-v1.yml is stale: run deploy/regenerate.sh and commit the result");
  }
}
