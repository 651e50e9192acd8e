# syntax=docker/dockerfile:1
# Roomcast backend (writer, REST API, the page): Maven build stage, then a JRE runtime running
# as a non-root user. Build from the repository root: docker build -f docker/backend.Dockerfile .

# Node and npm for the web-client module, whose build runs npm (the backend serves its page).
FROM node:22-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds (BuildKit, the default builder).
# package builds the runnable jar and copies its runtime dependencies (the web-client jar among
# them) into target/lib/.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl backend -am -Dmaven.test.skip=true -Dspotless.check.skip=true package
RUN mkdir -p /out \
 && cp backend/target/roomcast-backend-app.jar /out/ \
 && cp -r backend/target/lib /out/lib

FROM eclipse-temurin:17-jre
# curl only for the healthcheck.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 roomcast \
 && useradd --system --uid 10001 --gid roomcast --no-create-home --shell /usr/sbin/nologin roomcast
COPY --from=build /out/ /app/
USER roomcast
ENV BACKEND_PORT=8082
EXPOSE 8082
# Readiness: 200 only while the database answers a ping (503 otherwise).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${BACKEND_PORT}/health/ready" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/roomcast-backend-app.jar"]
