# syntax=docker/dockerfile:1

# Build stage. It runs on the build machine's own platform even for a multi-platform image,
# because the jar is the same on every platform, so no stage runs under emulation.
FROM --platform=$BUILDPLATFORM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /workspace
COPY pom.xml ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

# Runtime stage: Java 17 runtime without a shell or package manager, user 65532 ("nonroot").
# NOTE: pin the base images by digest (image:tag@sha256:...) in releases; Dependabot then updates the digests.
FROM gcr.io/distroless/java17-debian12:nonroot
COPY --from=build /workspace/target/okta-user-operator.jar /app/okta-user-operator.jar
# The Helm chart sets the same UID and GID (podSecurityContext) and the same JVM flags (jvmOptions).
USER 65532:65532
# MaxRAMPercentage sizes the heap from the container's memory limit; ExitOnOutOfMemoryError
# makes the container exit, and Kubernetes restart it, when the heap runs out.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# /metrics, /healthz and /readyz (HTTP_PORT).
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/okta-user-operator.jar"]
CMD ["run"]
