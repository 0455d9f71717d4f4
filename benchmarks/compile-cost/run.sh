#!/usr/bin/env bash
# Compile cost of stytch-client as a user pays it, side by side in one run:
#   - a clean `cargo build --release` of the one-call app on stytch-client (this tree), of the
#     same app on stytch-client at REF (optional), and of the floor (plain reqwest + serde +
#     tokio, same TLS stack), each in a fresh target dir, interleaved;
#   - `cargo check` of the one-call app after touching one endpoint file;
#   - the size of stytch-client's release rlib.
# Usage: benchmarks/compile-cost/run.sh [REF]      (WORK=/some/dir to keep the target dirs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${WORK:-$(mktemp -d)}"
ref="${1:+$(git -C "$root" rev-parse --short "$1")}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); work dir: $work"

apps=("floor:$here/floor" "one-call:$here/one-call")
if [[ -n "$ref" ]]; then
    rm -rf "$work/ref" "$work/one-call-ref"
    git -C "$root" worktree add --force --detach "$work/ref" "$ref" >/dev/null
    cp -r "$here/one-call" "$work/one-call-ref"
    sed -i "s|path = \"../../../stytch-client\"|path = \"$work/ref/stytch-client\"|" "$work/one-call-ref/Cargo.toml"
    apps+=("one-call@$ref:$work/one-call-ref")
fi

clean_build() {
    local name="$1" dir="$2" target="$work/target-${1//[@\/]/-}"
    rm -rf "$target"
    cargo fetch --quiet --manifest-path "$dir/Cargo.toml"
    /usr/bin/time -f "clean release build of $name: wall %e s, user %U s, sys %S s" \
        cargo build --release --quiet --manifest-path "$dir/Cargo.toml" --target-dir "$target"
}

for app in "${apps[@]}"; do
    clean_build "${app%%:*}" "${app#*:}"
done

target="$work/target-one-call"
cargo check --quiet --manifest-path "$here/one-call/Cargo.toml" --target-dir "$target"   # warm
touch "$root/stytch-client/src/b2b/passwords/strength_check.rs"
/usr/bin/time -f "cargo check after touching one endpoint file: wall %e s, user %U s, sys %S s" \
    cargo check --quiet --manifest-path "$here/one-call/Cargo.toml" --target-dir "$target"
ls -l "$target"/release/deps/libstytch_client-*.rlib | awk '{printf "stytch-client release rlib: %.1f MiB\n", $5/1048576}'
if [[ -n "$ref" ]]; then
    ls -l "$work/target-one-call-$ref"/release/deps/libstytch_client-*.rlib 2>/dev/null \
        | awk -v r="$ref" '{printf "stytch-client release rlib at %s: %.1f MiB\n", r, $5/1048576}'
    git -C "$root" worktree remove --force "$work/ref"
fi
