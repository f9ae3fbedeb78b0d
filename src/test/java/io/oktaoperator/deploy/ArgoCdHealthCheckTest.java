package io.oktaoperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;

/**
 * Runs the Argo CD health check in deploy/argocd on the sample OktaUsers listed in
 * deploy/argocd/health_test.yaml, with LuaJ standing in for the gopher-lua interpreter in Argo CD.
 */
class ArgoCdHealthCheckTest {

  static final Path DIRECTORY = Path.of("deploy/argocd");
  static final Path SCRIPT = DIRECTORY.resolve("health.lua");
  static final Path CONFIG_MAP_PATCH = DIRECTORY.resolve("argocd-cm-patch.yaml");
  static final String CONFIG_MAP_KEY = "resource.customizations.health.oktaoperator.io_OktaUser";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Stream<Arguments> healthCases() throws IOException {
    JsonNode tests = YAML.readTree(DIRECTORY.resolve("health_test.yaml").toFile()).get("tests");
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode test : tests) {
      cases.add(
          Arguments.of(
              test.get("inputPath").asText(),
              test.get("healthStatus").get("status").asText(),
              test.get("healthStatus").get("message").asText()));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("healthCases")
  void healthMatchesExpectation(String inputPath, String expectedStatus, String expectedMessage) throws IOException {
    JsonNode oktaUser = YAML.readTree(DIRECTORY.resolve(inputPath).toFile());

    LuaValue health = runHealthCheck(oktaUser);

    assertEquals(expectedStatus, health.get("status").tojstring(), "status");
    assertEquals(expectedMessage, health.get("message").tojstring(), "message");
  }

  @Test
  void everySampleHasExpectedHealth() throws IOException {
    List<String> listed = healthCases().map(arguments -> (String) arguments.get()[0]).sorted().toList();
    List<String> samples;
    try (var files = Files.list(DIRECTORY.resolve("testdata"))) {
      samples = files.map(file -> "testdata/" + file.getFileName()).sorted().toList();
    }

    assertEquals(samples, listed, "every file in deploy/argocd/testdata needs an entry in health_test.yaml");
  }

  @Test
  void configMapPatchEmbedsHealthScript() throws IOException {
    JsonNode patch = YAML.readTree(CONFIG_MAP_PATCH.toFile());

    assertEquals("ConfigMap", patch.get("kind").asText());
    assertEquals("argocd-cm", patch.get("metadata").get("name").asText());
    assertEquals(
        Files.readString(SCRIPT),
        patch.get("data").get(CONFIG_MAP_KEY).asText(),
        CONFIG_MAP_PATCH + " must contain " + SCRIPT + " verbatim under " + CONFIG_MAP_KEY);
  }

  /** LuaJ implements Lua 5.2, so this rejects the 5.2 and later syntax that gopher-lua (Lua 5.1) cannot parse. */
  @Test
  void healthScriptUsesOnlyLua51() throws IOException {
    String script = Files.readString(SCRIPT);
    Map<String, Pattern> newerFeatures =
        Map.of(
            "goto", Pattern.compile("\\bgoto\\b"),
            "labels", Pattern.compile("::\\w+::"),
            "_ENV", Pattern.compile("\\b_ENV\\b"),
            "bit32", Pattern.compile("\\bbit32\\b"),
            "table.unpack", Pattern.compile("\\btable\\.unpack\\b"),
            "integer division", Pattern.compile("//"),
            "bitwise operators", Pattern.compile("[^~=]~[^=]|<<|>>"));

    for (Map.Entry<String, Pattern> feature : newerFeatures.entrySet()) {
      assertFalse(feature.getValue().matcher(script).find(), "health.lua uses " + feature.getKey() + ", which Lua 5.1 lacks");
    }
  }

  @Test
  void healthScriptReturnsTable() throws IOException {
    LuaValue health = runHealthCheck(YAML.readTree(DIRECTORY.resolve("testdata/ready.yaml").toFile()));

    assertTrue(health.istable(), "health.lua must return a table with status and message");
  }

  /**
   * Runs health.lua with {@code obj} set to the resource, as Argo CD does, and returns the table the
   * script returns. Only the libraries Argo CD's Lua VM opens for health scripts are loaded: base,
   * package and table (Argo CD adds a reduced os library, which the script does not use).
   */
  static LuaValue runHealthCheck(JsonNode resource) throws IOException {
    Globals globals = new Globals();
    globals.load(new JseBaseLib());
    globals.load(new PackageLib());
    globals.load(new TableLib());
    LoadState.install(globals);
    LuaC.install(globals);

    globals.set("obj", toLua(resource));
    return globals.load(Files.readString(SCRIPT), SCRIPT.toString()).call();
  }

  /**
   * Converts JSON to Lua values the way Argo CD does: objects and arrays become tables (arrays
   * 1-indexed), every number a float, and null a missing key.
   */
  static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        table.set(field.getKey(), toLua(field.getValue()));
      }
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, toLua(node.get(i)));
      }
      return table;
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.doubleValue());
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.booleanValue());
    }
    return LuaValue.valueOf(node.asText());
  }
}
