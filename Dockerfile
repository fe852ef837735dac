# The emulator as a container image: `docker run -p 8088:8088 IMAGE`. See "Run in a container" in README.md.
#
# BASE_IMAGE: the Node 20 image to build on and run on.
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS build
# For a build behind a proxy that inspects TLS: the path, inside the build, of a PEM file with the proxy's CA
# certificates (mount it into the build, e.g. podman build -v /etc/ssl/certs:/etc/ssl/certs:ro). npm reads it
# from the environment, where every build argument is.
ARG NODE_EXTRA_CA_CERTS
WORKDIR /build
COPY package.json package-lock.json tsconfig.json ./
# No scripts: `prepare` would compile before the sources are here, and no dependency needs an install script.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY src ./src
# The image needs the emulator only, not the tests that tsconfig.json also compiles.
RUN printf '{ "extends": "./tsconfig.json", "include": ["src/**/*.ts"] }\n' > tsconfig.image.json \
 && npx tsc -p tsconfig.image.json \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${BASE_IMAGE}
WORKDIR /app
# package.json says the compiled code is ES modules.
COPY --from=build /build/package.json ./
COPY --from=build /build/node_modules ./node_modules
COPY --from=build /build/dist/src ./dist/src
COPY wsdl ./wsdl
COPY fixtures ./fixtures
# A place for --data-dir that the node user owns, so that a named volume mounted there starts out owned by it.
RUN mkdir /data && chown node:node /data
# Reachable through a published port, so on every interface; then the admin API must have a token, and without
# CHAT_EMULATOR_ADMIN_TOKEN the emulator makes one, prints it, and writes it where the health check reads it.
ENV NODE_ENV=production \
    CHAT_EMULATOR_HOST=0.0.0.0 \
    CHAT_EMULATOR_PORT=8088 \
    CHAT_EMULATOR_WRITE_ADMIN_TOKEN=/tmp/chat-emulator-admin-token
USER node
EXPOSE 8088
HEALTHCHECK --interval=5s --timeout=5s --start-period=30s --retries=3 CMD ["node", "/app/dist/src/healthcheck.js"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/dist/src/cli.js"]
