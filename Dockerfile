# One image recipe for the three services; docker-compose.yml builds each with its SERVICE:
#   ./mvnw -DskipTests package
#   docker build --build-arg SERVICE=ingest-service -t kamerstroom/ingest-service .
# The service's executable jar (<module>/target/<module>-<version>-exec.jar) is taken apart into Spring Boot's layers
# (java -Djarmode=tools ... extract --layers): third-party libraries, our snapshot modules, and the application each
# get an image layer of their own, so a change to our code rebuilds only the small top layers.
FROM eclipse-temurin:17-jre AS layers
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "build with --build-arg SERVICE=<ingest-service|extract-service|store-service>" >&2; exit 1; }
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar app.jar
# every layer directory exists afterwards, empty or not: dependencies/lib, spring-boot-loader,
# snapshot-dependencies/lib, application/app.jar (whose manifest Class-Path names lib/*.jar)
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
ARG SERVICE
LABEL org.opencontainers.image.title="kamerstroom-${SERVICE}" \
      org.opencontainers.image.description="Kamerstroom ${SERVICE}"
# curl for the compose healthchecks (the base image has it today; make sure it stays)
RUN command -v curl >/dev/null 2>&1 \
    || { apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*; }
RUN groupadd --system --gid 10001 kamerstroom \
    && useradd --system --uid 10001 --gid kamerstroom --home-dir /app --shell /usr/sbin/nologin kamerstroom
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
# The services listen on SERVER_PORT (ingest 8081, extract 8082, store 8083 by default).
EXPOSE 8081 8082 8083
# java is PID 1 (exec form), so SIGTERM reaches it and Spring Boot shuts down gracefully.
# Heap from the container's memory limit; die on OOM so the orchestrator restarts the container; Avro may only
# instantiate our generated classes. Add flags with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", \
            "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=nl.kamerstroom.avro", "-jar", "/app/app.jar"]
