package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code x-kubernetes-validations} rules of a CRD schema, compiled and evaluated with Google's
 * CEL for Java the way the Kubernetes API server evaluates them on a create.
 *
 * <p>As in Kubernetes, {@code self} has the type that the schema declares at the rule's node: an
 * object with properties is a message type whose fields are the declared properties (so a rule
 * naming an undeclared field does not compile, and fields kept only by {@code
 * x-kubernetes-preserve-unknown-fields} are not visible), {@code additionalProperties} is a map,
 * an array is a list, {@code integer} is int and {@code number} is double.
 *
 * <p>NOTE: the API server adds Kubernetes library functions that dev.cel does not provide: the list
 * library ({@code isSorted}, {@code sum}, {@code min}, {@code max}, {@code indexOf} and {@code
 * lastIndexOf} on lists), the regex library ({@code find}, {@code findAll}), and the URL,
 * quantity, IP, CIDR, format, semver and authorizer libraries. Newer API servers also enable
 * cel-go's sets extension. A rule that calls one of them fails to compile here until this class
 * binds it. Strings with {@code format} byte, date, date-time or duration are plain strings here,
 * where Kubernetes gives them the bytes, timestamp and duration types.
 */
final class CelRules {

  /**
   * One rule as the CRD declares it.
   *
   * @param path field path of the schema node that carries the rule, with {@code [*]} for array
   *     items and map values, or empty for the root
   */
  record Rule(
      String path,
      JsonNode schema,
      String expression,
      String message,
      String messageExpression,
      String fieldPath,
      String reason) {

    @Override
    public String toString() {
      return (path.isEmpty() ? "<root>" : path) + ": " + expression;
    }
  }

  /** Property names that CEL can address, from Kubernetes' escaping rules. */
  private static final Pattern ACCESSIBLE_PROPERTY = Pattern.compile("[a-zA-Z_.\\-/][a-zA-Z0-9_.\\-/]*");

  /** CEL's reserved words, which Kubernetes escapes as {@code __word__}. */
  private static final Set<String> RESERVED_WORDS =
      Set.of(
          "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for",
          "function", "if", "import", "let", "loop", "package", "namespace", "return", "var",
          "void", "while");

  private static final CelOptions OPTIONS =
      CelOptions.current()
          // Kubernetes enables homogeneous aggregate literals in every version and cross-type
          // numeric comparisons from 1.29 on.
          .enableHomogeneousLiterals(true)
          .enableHeterogeneousNumericComparisons(true)
          .build();

  private final List<Rule> rules = new ArrayList<>();
  private final Map<JsonNode, List<Rule>> rulesBySchemaNode = new IdentityHashMap<>();
  private final Map<JsonNode, CelType> typesBySchemaNode = new IdentityHashMap<>();
  private final Map<String, CelType> structTypesByName = new LinkedHashMap<>();
  private final Map<Rule, Optional<Program>> programs = new IdentityHashMap<>();
  private final JsonNode rootSchema;

  CelRules(JsonNode openApiSchema) {
    this.rootSchema = openApiSchema;
    declareType(openApiSchema, "self");
    collectRules(openApiSchema, "");
  }

  /** Returns every rule in the schema, in schema order. */
  List<Rule> rules() {
    return List.copyOf(rules);
  }

  /**
   * Compiles a rule with {@code self} and {@code oldSelf} typed from its schema node.
   *
   * @throws CelValidationException if the expression does not parse or type-check
   */
  CelAbstractSyntaxTree compile(Rule rule) throws CelValidationException {
    return environmentFor(rule.schema()).compile(rule.expression()).getAst();
  }

  /** Returns whether the rule reads {@code oldSelf}, which makes it a transition rule. */
  static boolean isTransitionRule(CelAbstractSyntaxTree ast) {
    return ast.getReferenceMap().values().stream().anyMatch(reference -> reference.name().equals("oldSelf"));
  }

  /**
   * Evaluates every rule against the object, as the API server does on a create: each rule runs
   * once for each value present at its node, and transition rules are skipped because there is no
   * old object.
   */
  List<SchemaViolation> evaluateCreate(JsonNode object) {
    List<SchemaViolation> violations = new ArrayList<>();
    evaluateNode(rootSchema, object, "", violations);
    return violations;
  }

  private void evaluateNode(JsonNode schema, JsonNode value, String path, List<SchemaViolation> violations) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return;
    }
    for (Rule rule : rulesBySchemaNode.getOrDefault(schema, List.of())) {
      evaluateRule(rule, value, path, violations);
    }

    JsonNode properties = schema.path("properties");
    JsonNode additionalProperties = schema.path("additionalProperties");
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (properties.has(field.getKey())) {
          evaluateNode(properties.get(field.getKey()), field.getValue(), join(path, field.getKey()), violations);
        } else if (additionalProperties.isObject()) {
          evaluateNode(additionalProperties, field.getValue(), path + "[" + field.getKey() + "]", violations);
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int index = 0; index < value.size(); index++) {
        evaluateNode(schema.get("items"), value.get(index), path + "[" + index + "]", violations);
      }
    }
  }

  private void evaluateRule(Rule rule, JsonNode value, String path, List<SchemaViolation> violations) {
    Optional<Program> program = programs.computeIfAbsent(rule, this::createProgram);
    if (program.isEmpty()) {
      return;
    }
    String field = rule.fieldPath() == null ? path : join(path, rule.fieldPath().replaceFirst("^\\.", ""));
    Object result;
    try {
      result = program.get().eval(Map.of("self", celValue(value, rule.schema())));
    } catch (CelEvaluationException e) {
      violations.add(
          new SchemaViolation(
              field,
              SchemaViolation.CEL_KEYWORD,
              rule.expression(),
              "evaluation of rule '" + rule.expression() + "' failed: " + e.getMessage()));
      return;
    }
    if (!Boolean.TRUE.equals(result)) {
      violations.add(new SchemaViolation(field, SchemaViolation.CEL_KEYWORD, rule.expression(), messageOf(rule, value)));
    }
  }

  /** Returns the compiled rule, or empty for a transition rule, which a create skips. */
  private Optional<Program> createProgram(Rule rule) {
    try {
      CelAbstractSyntaxTree ast = compile(rule);
      if (isTransitionRule(ast)) {
        // NOTE: Kubernetes also runs a transition rule with optionalOldSelf on a create, but this
        // class skips every transition rule.
        return Optional.empty();
      }
      return Optional.of(environmentFor(rule.schema()).createProgram(ast));
    } catch (CelValidationException e) {
      throw new IllegalStateException("CEL rule " + rule + " does not compile: " + e.getMessage(), e);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("failed to build a program for CEL rule " + rule + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the message the API server reports: the result of messageExpression if it evaluates to
   * a non-blank string on one line, else the message, else {@code failed rule: <rule>}.
   */
  private String messageOf(Rule rule, JsonNode value) {
    if (rule.messageExpression() != null) {
      try {
        Cel environment = environmentFor(rule.schema());
        CelAbstractSyntaxTree ast = environment.compile(rule.messageExpression()).getAst();
        Object message = environment.createProgram(ast).eval(Map.of("self", celValue(value, rule.schema())));
        if (message instanceof String text && !text.isBlank() && !text.contains("\n")) {
          return text;
        }
      } catch (CelValidationException | CelEvaluationException e) {
        // The API server falls back to the message when messageExpression fails.
      }
    }
    return rule.message() != null ? rule.message() : "failed rule: " + rule.expression();
  }

  private Cel environmentFor(JsonNode schema) {
    CelType selfType = typesBySchemaNode.get(schema);
    CelTypeProvider typeProvider = new CelTypeProvider() {
      @Override
      public ImmutableCollection<CelType> types() {
        return ImmutableList.copyOf(structTypesByName.values());
      }

      @Override
      public Optional<CelType> findType(String typeName) {
        return Optional.ofNullable(structTypesByName.get(typeName));
      }
    };
    return CelFactory.standardCelBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(typeProvider)
        .addCompilerLibraries(CelExtensions.strings(), CelExtensions.optional())
        .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.optional())
        .addVar("self", selfType)
        .addVar("oldSelf", selfType)
        .build();
  }

  private void collectRules(JsonNode schema, String path) {
    for (JsonNode declared : schema.path(SchemaViolation.CEL_KEYWORD)) {
      Rule rule =
          new Rule(
              path,
              schema,
              declared.path("rule").asText(),
              textOrNull(declared, "message"),
              textOrNull(declared, "messageExpression"),
              textOrNull(declared, "fieldPath"),
              textOrNull(declared, "reason"));
      rules.add(rule);
      rulesBySchemaNode.computeIfAbsent(schema, node -> new ArrayList<>()).add(rule);
    }
    for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
      Map.Entry<String, JsonNode> property = properties.next();
      collectRules(property.getValue(), join(path, property.getKey()));
    }
    if (schema.path("items").isObject()) {
      collectRules(schema.get("items"), path + "[*]");
    }
    if (schema.path("additionalProperties").isObject()) {
      collectRules(schema.get("additionalProperties"), path + "[*]");
    }
  }

  /** Declares the CEL type of a schema node and of every node below it. */
  private CelType declareType(JsonNode schema, String typeName) {
    CelType type = celTypeOf(schema, typeName);
    typesBySchemaNode.put(schema, type);
    return type;
  }

  private CelType celTypeOf(JsonNode schema, String typeName) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return SimpleType.DYN;
    }
    switch (schema.path("type").asText("")) {
      case "object":
        if (schema.path("properties").isObject()) {
          return declareStructType(schema, typeName);
        }
        if (schema.path("additionalProperties").isObject()) {
          return MapType.create(SimpleType.STRING, declareType(schema.get("additionalProperties"), typeName + ".@value"));
        }
        return SimpleType.DYN;
      case "array":
        if (schema.path("items").isObject()) {
          return ListType.create(declareType(schema.get("items"), typeName + ".@item"));
        }
        return ListType.create(SimpleType.DYN);
      case "string":
        return SimpleType.STRING;
      case "integer":
        return SimpleType.INT;
      case "number":
        return SimpleType.DOUBLE;
      case "boolean":
        return SimpleType.BOOL;
      default:
        return SimpleType.DYN;
    }
  }

  private StructType declareStructType(JsonNode schema, String typeName) {
    Map<String, CelType> fieldTypes = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> properties = schema.get("properties").fields(); properties.hasNext(); ) {
      Map.Entry<String, JsonNode> property = properties.next();
      Optional<String> celName = escape(property.getKey());
      CelType fieldType = declareType(property.getValue(), typeName + "." + property.getKey());
      celName.ifPresent(name -> fieldTypes.put(name, fieldType));
    }
    StructType type =
        StructType.create(typeName, ImmutableSet.copyOf(fieldTypes.keySet()), name -> Optional.ofNullable(fieldTypes.get(name)));
    structTypesByName.put(typeName, type);
    return type;
  }

  /**
   * Converts a JSON value to the Java value CEL expects for the schema's type: declared objects
   * become maps keyed by escaped property names with undeclared keys dropped, integers become
   * {@code Long} and numbers {@code Double}.
   */
  private static Object celValue(JsonNode value, JsonNode schema) {
    if (value.isNull()) {
      return NullValue.NULL_VALUE;
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additionalProperties = schema.path("additionalProperties");
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (properties.isObject()) {
          JsonNode propertySchema = properties.get(field.getKey());
          Optional<String> celName = escape(field.getKey());
          if (propertySchema != null && celName.isPresent()) {
            map.put(celName.get(), celValue(field.getValue(), propertySchema));
          }
        } else {
          map.put(field.getKey(), celValue(field.getValue(), additionalProperties));
        }
      }
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode element : value) {
        list.add(celValue(element, schema.path("items")));
      }
      return list;
    }
    if (value.isIntegralNumber() && !schema.path("type").asText("").equals("number")) {
      return value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.asText();
  }

  /** Returns the name by which a CEL expression addresses a property, or empty if it cannot. */
  static Optional<String> escape(String propertyName) {
    if (!ACCESSIBLE_PROPERTY.matcher(propertyName).matches()) {
      return Optional.empty();
    }
    if (RESERVED_WORDS.contains(propertyName)) {
      return Optional.of("__" + propertyName + "__");
    }
    return Optional.of(
        propertyName
            .replace("__", "__underscores__")
            .replace(".", "__dot__")
            .replace("-", "__dash__")
            .replace("/", "__slash__"));
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String textOrNull(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
