package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.re2j.Pattern;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OktaUser schema from the CRD that the build generated, with the checks that the Kubernetes
 * API server runs on a create: null pruning and defaulting, OpenAPI validation, then the CEL rules.
 * Fabric8's mock server runs none of them.
 */
final class CrdSchema {

  /** Where Fabric8's crd-generator-maven-plugin writes the CRD during the build. */
  static final String GENERATED_CRD = "/META-INF/fabric8/oktausers.oktaoperator.io-v1.yml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Kubernetes' extensions to the OpenAPI schema, which carry no JSON Schema validation. */
  private static final List<String> KUBERNETES_KEYWORDS =
      List.of(
          "x-kubernetes-embedded-resource",
          "x-kubernetes-int-or-string",
          "x-kubernetes-list-map-keys",
          "x-kubernetes-list-type",
          "x-kubernetes-map-type",
          "x-kubernetes-preserve-unknown-fields",
          "x-kubernetes-validations");

  /**
   * Keywords whose failure makes the API server skip the CEL rules, because the object does not
   * have the shape the rules were written for. They produce the NotSupported, Required, TooLong,
   * TooMany and TypeInvalid errors that hasBlockingErr in apiextensions-apiserver's customresource
   * strategy checks for.
   */
  private static final Set<String> CEL_BLOCKING_KEYWORDS =
      Set.of("enum", "required", "maxLength", "maxItems", "maxProperties", "type");

  /**
   * Kubernetes checks {@code pattern} with Go's RE2 syntax and semantics, which re2j implements,
   * and like JSON Schema it matches anywhere in the value unless the pattern is anchored.
   */
  private static final RegularExpressionFactory RE2_PATTERNS =
      regex -> {
        Pattern pattern = Pattern.compile(regex);
        return value -> pattern.matcher(value).find();
      };

  /** Violations of a create, and whether a blocking violation made the API server skip the CEL rules. */
  record Result(List<SchemaViolation> violations, boolean celRulesSkipped) {}

  private final JsonNode openApiSchema;
  private final Schema validator;
  private final CelRules celRules;

  private CrdSchema(JsonNode openApiSchema) {
    this.openApiSchema = openApiSchema;
    this.validator = openApiValidator(openApiSchema);
    this.celRules = new CelRules(openApiSchema);
  }

  /** Loads {@code spec.versions[0].schema.openAPIV3Schema} of the generated CRD from the class path. */
  static CrdSchema loadGenerated() {
    try (InputStream crd = CrdSchema.class.getResourceAsStream(GENERATED_CRD)) {
      if (crd == null) {
        throw new IllegalStateException(
            GENERATED_CRD + " is not on the class path: run the build through process-classes, where"
                + " crd-generator-maven-plugin writes it");
      }
      JsonNode schema = YAML.readTree(crd).at("/spec/versions/0/schema/openAPIV3Schema");
      if (!schema.isObject()) {
        throw new IllegalStateException(GENERATED_CRD + " has no spec.versions[0].schema.openAPIV3Schema");
      }
      return new CrdSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + GENERATED_CRD, e);
    }
  }

  static JsonNode parseYaml(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("invalid YAML in test manifest", e);
    }
  }

  JsonNode openApiSchema() {
    return openApiSchema;
  }

  CelRules celRules() {
    return celRules;
  }

  /**
   * Returns the schema of a field, such as {@code spec.profile.login}, following {@code
   * properties} only.
   */
  Optional<JsonNode> schemaAt(String fieldPath) {
    JsonNode node = openApiSchema;
    for (String name : fieldPath.split("\\.")) {
      node = node.path("properties").path(name);
      if (node.isMissingNode()) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  /**
   * Validates a manifest as the API server does on a create. The OpenAPI keywords are checked first.
   * If one of them fails with a blocking error, the CEL rules are skipped.
   */
  Result validateCreate(String manifestYaml) {
    JsonNode object = applyDefaults(parseYaml(manifestYaml));

    List<SchemaViolation> violations = new ArrayList<>();
    for (Error error : validator.validate(object.toString(), InputFormat.JSON)) {
      violations.add(toViolation(error));
    }
    boolean blocked = violations.stream().anyMatch(violation -> CEL_BLOCKING_KEYWORDS.contains(violation.keyword()));
    if (!blocked) {
      violations.addAll(celRules.evaluateCreate(object));
    }
    return new Result(List.copyOf(violations), blocked);
  }

  /**
   * Returns a copy of the object with the API server's create-time changes: a {@code null} in a
   * field that the schema declares and does not mark {@code nullable} is removed, then each omitted
   * field with a {@code default} gets it, at every level whose parent object is present.
   */
  JsonNode applyDefaults(JsonNode object) {
    JsonNode copy = object.deepCopy();
    applyDefaults(openApiSchema, copy);
    return copy;
  }

  private static void applyDefaults(JsonNode schema, JsonNode value) {
    if (value instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
        Map.Entry<String, JsonNode> property = properties.next();
        String name = property.getKey();
        JsonNode propertySchema = property.getValue();

        JsonNode current = object.get(name);
        if (current != null && current.isNull() && !propertySchema.path("nullable").asBoolean(false)) {
          object.remove(name);
        }
        if (!object.has(name) && propertySchema.has("default")) {
          object.set(name, propertySchema.get("default").deepCopy());
        }
        if (object.has(name)) {
          applyDefaults(propertySchema, object.get(name));
        }
      }
      JsonNode additionalProperties = schema.path("additionalProperties");
      if (additionalProperties.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
          Map.Entry<String, JsonNode> field = fields.next();
          if (!schema.path("properties").has(field.getKey())) {
            applyDefaults(additionalProperties, field.getValue());
          }
        }
      }
    } else if (value instanceof ArrayNode array && schema.path("items").isObject()) {
      for (JsonNode element : array) {
        applyDefaults(schema.get("items"), element);
      }
    }
  }

  /**
   * Builds a validator for OpenAPI 3.0 schema objects (JSON Schema draft 4 plus {@code nullable})
   * that accepts Kubernetes' {@code x-kubernetes-*} keywords without validating them.
   */
  private static Schema openApiValidator(JsonNode openApiSchema) {
    Dialect dialect =
        Dialect.builder("https://oktaoperator.io/schemas/kubernetes-structural-schema", Dialects.getOpenApi30())
            .keywords(KUBERNETES_KEYWORDS.stream().map(NonValidationKeyword::new).toList())
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            dialect,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().regularExpressionFactory(RE2_PATTERNS).build()));
    return registry.getSchema(openApiSchema.toString(), InputFormat.JSON);
  }

  /**
   * Converts a validator error to a violation at the API server's field path, which for a missing
   * field is the path of that field.
   */
  private static SchemaViolation toViolation(Error error) {
    String field = fieldPath(error.getInstanceLocation());
    if (error.getKeyword().equals("required") && error.getProperty() != null) {
      field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
    }
    return new SchemaViolation(field, error.getKeyword(), null, error.getMessage());
  }

  private static String fieldPath(NodePath location) {
    StringBuilder path = new StringBuilder();
    for (int index = 0; index < location.getNameCount(); index++) {
      Object element = location.getElement(index);
      if (element instanceof Integer arrayIndex) {
        path.append('[').append(arrayIndex).append(']');
      } else {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(element);
      }
    }
    return path.toString();
  }
}
