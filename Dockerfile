# PixelTales in a container: the static binary and an empty data dir, nothing else.
#   docker build -t pixeltales .
#   docker run -d -p 8080:8080 -v pixeltales-data:/data --stop-timeout 30 --name pixeltales pixeltales

# Same release as rust-toolchain.toml's channel, so rustup finds the toolchain already there.
FROM rust:1.95.0-bookworm AS build
WORKDIR /src

# The toolchain file also asks for rustfmt and clippy; installing them here, in a layer of their
# own, keeps rustup from fetching them in the middle of the build.
COPY rust-toolchain.toml ./
RUN rustup toolchain install

COPY . .

# `make release` is what Render runs too: static glibc (crt-static, so libc6-dev's libc.a from
# this image is all it needs, no musl), plus the checks that the result is static and within
# the size budget. The Makefile names x86_64; HOST_TARGET is set to this builder's own
# architecture so an arm64 host (a Raspberry Pi, an ARM Mac) builds a native image too.
# No BuildKit cache mounts: the legacy builder (Debian's docker.io without buildx) cannot run
# them, and the fat-LTO link of the final binary takes most of the time anyway.
RUN make release HOST_TARGET="$(rustc -vV | sed -n 's/^host: //p')" \
    && install -D -m 0755 target/release-static/pixeltales /out/pixeltales \
    && install -d -m 0700 /out/data

# No shell, no libc, no package manager: the binary embeds its web assets and keeps its temp
# tables in memory, so it needs nothing from the filesystem but the data dir.
FROM scratch

COPY --from=build /out/pixeltales /pixeltales
# The data dir holds the database, the signing secret and backups: only the service user may
# read it. A new named volume copies this owner and mode; a bind-mounted host directory must be
# given them by hand (chown 10001:10001, chmod 700).
COPY --from=build --chown=10001:10001 /out/data /data

# A fixed numeric uid, since scratch has no /etc/passwd to look a name up in.
USER 10001:10001

ENV PIXELTALES_DATA_DIR=/data \
    PIXELTALES_ADDR=0.0.0.0
VOLUME /data
# The default --port; if PORT is set at run time, publish that port instead (the health check
# follows PORT by itself).
EXPOSE 8080

# The binary checks itself (GET /healthz on the configured port): there is no curl in scratch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s CMD ["/pixeltales", "healthcheck"]

# On SIGTERM the server stops accepting, lets requests finish for up to --shutdown-grace (10 s)
# and checkpoints the database. Docker's default 10 s stop timeout can cut that short, hence
# --stop-timeout 30 on `docker run`.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/pixeltales"]
CMD ["serve"]
