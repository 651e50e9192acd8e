# syntax=docker/dockerfile:1
# Roomcast socket server: Maven build stage, then a JRE runtime running as a non-root user.
# Build from the repository root: docker build -f docker/socket-server.Dockerfile .

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl socket-server -am -Dmaven.test.skip=true -Dspotless.check.skip=true package \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
        -DincludeScope=runtime
# The module's own jar plus its runtime dependencies, one flat directory.
RUN mkdir -p /out/lib \
 && cp socket-server/target/dependency/*.jar /out/lib/ \
 && find socket-server/target -maxdepth 1 -name 'roomcast-socket-server-*.jar' \
        ! -name '*-tests.jar' ! -name '*-sources.jar' -exec cp {} /out/lib/ \;

FROM eclipse-temurin:17-jre
# curl only for the healthcheck.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 roomcast \
 && useradd --system --uid 10001 --gid roomcast --no-create-home --shell /usr/sbin/nologin roomcast
COPY --from=build /out/lib/ /app/lib/
USER roomcast
ENV SOCKET_PORT=8083 ADMIN_PORT=9083
# 8083: Socket.IO (public); 9083: admin (/metrics, /health/*), for Prometheus and probes only.
EXPOSE 8083 9083
# Readiness, not just a port: 200 only while every change stream is open and within
# READY_MAX_LAG, so a node whose stream fails turns unhealthy instead of keeping silent clients.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${ADMIN_PORT}/health/ready" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/lib/*", "io.roomcast.socket.SocketServerMain"]
