# syntax=docker/dockerfile:1
# Roomcast web front: nginx serving the page and proxying the backend and the socket servers
# (nginx/roomcast.conf, nginx/upstreams.conf). Build from the repository root:
# docker build -f docker/web.Dockerfile .

FROM node:22-bookworm-slim AS node

# The page is built by the web-client module (npm inside Maven) and packaged under roomcast-web/.
FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl web-client -am -Dmaven.test.skip=true -Dspotless.check.skip=true package
RUN mkdir -p /out \
 && cd /out \
 && jar xf "$(find /src/web-client/target -maxdepth 1 -name 'roomcast-web-client-*.jar' \
        ! -name '*-tests.jar' ! -name '*-sources.jar' | head -n 1)" roomcast-web \
 && test -f /out/roomcast-web/index.html

# The unprivileged variant runs nginx as uid 101 and listens on 8080.
FROM nginxinc/nginx-unprivileged:1.28-alpine
COPY docker/nginx/upstreams.conf /etc/nginx/conf.d/00-upstreams.conf
COPY docker/nginx/roomcast.conf /etc/nginx/conf.d/default.conf
COPY --from=build /out/roomcast-web/ /usr/share/nginx/html/
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=5 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
