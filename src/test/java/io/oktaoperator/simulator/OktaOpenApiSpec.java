package io.oktaoperator.simulator;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Okta's OpenAPI 3.0 description of its management API ({@code management-minimal.yaml} from
 * okta/okta-management-openapi-spec), used to check the simulator's responses. The file is not part
 * of this repository: it is read from {@value #DEFAULT_LOCATION}, relative to the repository root,
 * or from the path in the system property {@value #LOCATION_PROPERTY} or the environment variable
 * {@value #LOCATION_VARIABLE}.
 *
 * <p>Parsing the 3.4 MB file takes a few seconds, so it happens at most once per JVM, on first use
 * of {@link #load()}. Response schemas are compiled on first use and cached. Thread-safe.
 */
final class OktaOpenApiSpec {

  static final String LOCATION_PROPERTY = "okta.openapi.spec";
  static final String LOCATION_VARIABLE = "OKTA_OPENAPI_SPEC";
  static final String DEFAULT_LOCATION = "../shared/okta/management-minimal.yaml";

  private static final List<String> HTTP_METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final Path location;
  private final String documentIri;
  private final JsonNode document;
  private final Schema documentSchema;
  private final List<Operation> operations;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /**
   * An operation of the spec.
   *
   * @param operationId the spec's {@code operationId}, such as {@code getUser}
   * @param method HTTP method in upper case
   * @param pathTemplate path with parameters in braces, such as {@code /api/v1/users/{id}}
   * @param responses the {@code responses} object, keyed by status code, {@code 4XX} or {@code default}
   * @param responsesPointer JSON pointer of {@code responses} in the document
   * @param segments the path template split at {@code /}
   */
  record Operation(
      String operationId,
      String method,
      String pathTemplate,
      JsonNode responses,
      String responsesPointer,
      List<String> segments) {

    int literalSegmentCount() {
      return (int) segments.stream().filter(segment -> !isParameter(segment)).count();
    }
  }

  private OktaOpenApiSpec(Path location) {
    this.location = location;
    this.documentIri = location.toUri().toString();
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    String text = readText(location);
    YAMLMapper yamlMapper = yamlMapper(text.length());
    this.document = yamlMapper.readTree(text);
    // The registry's own loaders do not read file: IRIs, so it gets the document as text, and it
    // must not fetch anything over the network either (the spec has no external $ref). Loading a
    // location with a fragment parses the whole document again, so schemas are taken from
    // documentSchema instead, whose local $refs resolve within the parsed document.
    SchemaRegistry registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi30(),
            builder ->
                builder
                    .schemaRegistryConfig(config)
                    .nodeReader(reader -> reader.yamlMapper(yamlMapper))
                    .schemaLoader(loader -> loader.fetchRemoteResources(false))
                    .schemas(iri -> iri.equals(documentIri) ? text : null));
    this.documentSchema = registry.getSchema(SchemaLocation.of(documentIri), document);
    this.operations = readOperations(document);
  }

  /** Returns the spec's path: the system property, else the environment variable, else the default. */
  static Path location() {
    String configured = System.getProperty(LOCATION_PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(LOCATION_VARIABLE);
    }
    if (configured == null || configured.isBlank()) {
      configured = DEFAULT_LOCATION;
    }
    // Maven's Surefire sets basedir to the repository root; other runners start there anyway.
    Path root = Path.of(System.getProperty("basedir", ""));
    return root.resolve(configured).toAbsolutePath().normalize();
  }

  /** Returns the parsed spec, or empty when the file does not exist. */
  static Optional<OktaOpenApiSpec> load() {
    return Holder.SPEC;
  }

  /** Returns the message for a test that is skipped because the spec file is missing. */
  static String missingMessage() {
    return "Okta's OpenAPI spec was not found at "
        + location()
        + "; place management-minimal.yaml there (beside the repository, in shared/okta/) or set the system"
        + " property "
        + LOCATION_PROPERTY
        + " or the environment variable "
        + LOCATION_VARIABLE
        + " to its path";
  }

  private static final class Holder {
    private static final Optional<OktaOpenApiSpec> SPEC =
        Files.isRegularFile(location()) ? Optional.of(new OktaOpenApiSpec(location())) : Optional.empty();
  }

  Path path() {
    return location;
  }

  List<Operation> operations() {
    return operations;
  }

  /** Returns the operation with the given id, or empty. */
  Optional<Operation> operation(String operationId) {
    return operations.stream().filter(operation -> operation.operationId().equals(operationId)).findFirst();
  }

  /**
   * Returns the operation that a request with this method and raw (percent-encoded) path invokes.
   * When several path templates match, the one with the most literal segments wins, as in {@code
   * /api/v1/users/{userId}/factors/catalog} over {@code /api/v1/users/{userId}/factors/{factorId}}.
   */
  Optional<Operation> findOperation(String method, String rawPath) {
    List<String> requestSegments = decodeSegments(rawPath);
    return operations.stream()
        .filter(operation -> operation.method().equals(method.toUpperCase(Locale.ROOT)))
        .filter(operation -> matches(operation.segments(), requestSegments))
        .max(Comparator.comparingInt(Operation::literalSegmentCount));
  }

  /** Returns true if some operation of the spec has this path, whatever its method. */
  boolean hasPath(String rawPath) {
    List<String> requestSegments = decodeSegments(rawPath);
    return operations.stream().anyMatch(operation -> matches(operation.segments(), requestSegments));
  }

  /**
   * Returns the key of the response that describes {@code status}: the status itself, else its
   * range such as {@code 4XX}, else {@code default}; empty when the operation lists none of them.
   */
  Optional<String> responseKey(Operation operation, int status) {
    for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
      if (operation.responses().has(key)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** Returns true if the response under {@code key} declares a body (a non-empty {@code content}). */
  boolean declaresContent(Operation operation, String key) {
    JsonNode content = document.at(responsePointer(operation, key)).get("content");
    return content != null && !content.isEmpty();
  }

  /** Returns the JSON pointer of the response object under {@code key}, following a {@code $ref} to components. */
  private String responsePointer(Operation operation, String key) {
    JsonNode response = operation.responses().get(key);
    if (response.has("$ref")) {
      return response.get("$ref").asString().substring(1);
    }
    return operation.responsesPointer() + "/" + escape(key);
  }

  /**
   * Checks a response body against the response that the operation declares under {@code key}:
   * no body where it declares no content, else a JSON body valid against the schema of its
   * {@code application/json} content.
   *
   * @param contentType the response's {@code Content-Type} header, or null
   * @param body the response body, empty when there is none
   * @return one message per problem; empty when the response conforms
   */
  List<String> validateResponse(Operation operation, String key, String contentType, String body) {
    String pointer = responsePointer(operation, key);
    JsonNode content = document.at(pointer).get("content");
    List<String> problems = new ArrayList<>();
    if (content == null || content.isEmpty()) {
      if (!body.isEmpty()) {
        problems.add("the spec declares no body, but the response has one: " + abbreviate(body));
      }
      return problems;
    }
    String mediaType = mediaTypeOf(contentType);
    if (!content.has(mediaType)) {
      problems.add("Content-Type " + contentType + " is not among the declared media types " + content.propertyNames());
      return problems;
    }
    if (body.isEmpty()) {
      problems.add("the spec declares a " + mediaType + " body, but the response has none");
      return problems;
    }
    JsonNode schemaNode = content.get(mediaType).get("schema");
    if (schemaNode == null) {
      return problems;
    }
    JsonNode items = schemaNode.path("items");
    if (items.has("oneOf") && items.has("discriminator")) {
      return validateDiscriminatedItems(items.get("discriminator"), body);
    }
    return validate(pointer + "/content/" + escape(mediaType) + "/schema", body);
  }

  /**
   * Validates each element of an array whose items are a {@code oneOf} with an OpenAPI
   * {@code discriminator} against the one schema its discriminator value maps to. The JSON Schema
   * validator treats {@code oneOf} without the discriminator, and Okta's role schemas overlap, so a
   * standard role would match both and fail {@code oneOf}.
   */
  private List<String> validateDiscriminatedItems(JsonNode discriminator, String body) {
    List<String> problems = new ArrayList<>();
    JsonNode array;
    try {
      array = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    } catch (tools.jackson.core.JacksonException e) {
      return List.of("the body is not JSON: " + e.getOriginalMessage());
    }
    if (!array.isArray()) {
      return List.of("expected a JSON array, got " + abbreviate(body));
    }
    String property = discriminator.path("propertyName").asString();
    for (int index = 0; index < array.size(); index++) {
      String value = array.get(index).path(property).asString();
      String reference = discriminator.path("mapping").path(value).asString(null);
      if (reference == null) {
        problems.add("/" + index + ": " + property + " '" + value + "' is not in the discriminator mapping");
        continue;
      }
      for (String problem : validate(reference.substring(1), array.get(index).toString())) {
        problems.add("/" + index + problem);
      }
    }
    return problems;
  }

  /**
   * Checks that a response has a JSON body valid against a schema under {@code components/schemas}.
   *
   * @return one message per problem; empty when the body conforms
   */
  List<String> validateComponentSchema(String schemaName, String contentType, String body) {
    if (!"application/json".equals(mediaTypeOf(contentType))) {
      return List.of("expected a JSON " + schemaName + " body, got Content-Type " + contentType);
    }
    return validate("/components/schemas/" + escape(schemaName), body);
  }

  private List<String> validate(String schemaPointer, String body) {
    Schema schema = schemas.computeIfAbsent(schemaPointer, this::compileSchema);
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(body, InputFormat.JSON)) {
      problems.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    return problems;
  }

  private Schema compileSchema(String pointer) {
    Schema schema = documentSchema.getRefSchema(SchemaLocation.of(documentIri + "#" + pointer).getFragment());
    schema.initializeValidators();
    return schema;
  }

  /** Returns a YAML mapper that accepts documents of at least {@code length} characters (SnakeYAML's default limit is 3 MiB). */
  private static YAMLMapper yamlMapper(int length) {
    LoadSettings settings = LoadSettings.builder().setCodePointLimit(Math.max(length * 2, 3 * 1024 * 1024)).build();
    return YAMLMapper.builder(YAMLFactory.builder().loadSettings(settings).build()).build();
  }

  private static String readText(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading Okta's OpenAPI spec from " + path + " failed", e);
    }
  }

  private static List<Operation> readOperations(JsonNode document) {
    List<Operation> operations = new ArrayList<>();
    JsonNode paths = document.get("paths");
    for (String template : paths.propertyNames()) {
      JsonNode pathItem = paths.get(template);
      for (String method : HTTP_METHODS) {
        JsonNode operation = pathItem.get(method);
        if (operation == null) {
          continue;
        }
        String responsesPointer = "/paths/" + escape(template) + "/" + method + "/responses";
        operations.add(
            new Operation(
                operation.path("operationId").asString(method + " " + template),
                method.toUpperCase(Locale.ROOT),
                template,
                operation.get("responses"),
                responsesPointer,
                splitPath(template)));
      }
    }
    return List.copyOf(operations);
  }

  private static boolean matches(List<String> templateSegments, List<String> requestSegments) {
    if (templateSegments.size() != requestSegments.size()) {
      return false;
    }
    for (int i = 0; i < templateSegments.size(); i++) {
      String template = templateSegments.get(i);
      String request = requestSegments.get(i);
      if (isParameter(template) ? request.isEmpty() : !template.equals(request)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static List<String> splitPath(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  private static List<String> decodeSegments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : splitPath(rawPath)) {
      try {
        segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        segments.add(segment);
      }
    }
    return segments;
  }

  private static String mediaTypeOf(String contentType) {
    if (contentType == null) {
      return "";
    }
    return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  /** Escapes a JSON pointer token (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String abbreviate(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "...";
  }
}
