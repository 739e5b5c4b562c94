#!/usr/bin/env bash
# The Debian package, end to end: cpack -G DEB into a scratch folder, the .deb unpacked into a
# temporary root, the binary run from there with no rubric file anywhere (they are embedded),
# the man page, completions and docs checked in it, and lintian (when installed) finding no
# error. Exits 77 (ctest: skipped) when the packaging tools are missing.
# Usage: tests/package/test-package.sh BUILD_FOLDER
set -euo pipefail
build=$(cd "${1:?usage: test-package.sh BUILD_FOLDER}" && pwd)

for tool in cpack dpkg-deb dpkg-shlibdeps file; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIPPED: $tool is not installed (apt-get install dpkg-dev file)"
    exit 77
  fi
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/mockcoach-package-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# cpack writes only under -B, so the build folder is left as it was.
if ! (cd "$scratch" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out") \
  >"$scratch/cpack.log" 2>&1; then
  cat "$scratch/cpack.log" >&2
  fail "cpack -G DEB failed"
fi
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
deb="$scratch/out/mockcoach_${version}_$(dpkg --print-architecture).deb"
[[ -f $deb ]] || fail "no $(basename "$deb"); cpack made: $(ls "$scratch/out")"
echo "built $(basename "$deb")"

# The control fields: section, and the runtime libraries from dpkg-shlibdeps (toml++ is
# compiled in, so no package of it).
[[ $(dpkg-deb -f "$deb" Section) == utils ]] || fail "Section is not utils"
depends=$(dpkg-deb -f "$deb" Depends)
# fmt's runtime package is named for its soname, which differs by release (libfmt9 in Debian 12,
# libfmt10 in Debian 13): the one this machine's libfmt-dev builds against.
fmt_library=$(dpkg-query -W -f='${Depends}' libfmt-dev | grep -o 'libfmt[0-9][^ ,]*' | head -1)
[[ -n $fmt_library ]] || fail "cannot tell which libfmt package libfmt-dev depends on"
for library in libc6 "$fmt_library" libstdc++6; do
  [[ $depends == *"$library"* ]] || fail "Depends lacks $library: $depends"
done
[[ $depends != *toml* ]] || fail "Depends names toml++, which is compiled in: $depends"
[[ -n $(dpkg-deb -f "$deb" Maintainer) ]] || fail "no Maintainer"
dpkg-deb -f "$deb" Description | sed -n 2p | grep -q . || fail "no long Description"

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for file in usr/bin/mockcoach usr/share/man/man1/mockcoach.1.gz \
  usr/share/bash-completion/completions/mockcoach usr/share/zsh/vendor-completions/_mockcoach \
  usr/share/fish/vendor_completions.d/mockcoach.fish usr/share/doc/mockcoach/README.md \
  usr/share/doc/mockcoach/copyright usr/share/doc/mockcoach/changelog.gz; do
  [[ -s $root/$file ]] || fail "the package lacks /$file"
done

# Rubrics are embedded: take the example copies away and run from an empty folder with an
# empty HOME, so no rubric file exists anywhere the binary could look.
rm -rf "$root/usr/share/doc/mockcoach/examples"
mkdir -p "$scratch/home" "$scratch/cwd"
run() {
  (cd "$scratch/cwd" && env -i PATH=/usr/bin:/bin HOME="$scratch/home" LC_ALL=C.UTF-8 \
    "$root/usr/bin/mockcoach" "$@")
}
drawn=$(run draw --seed 1) || fail "mockcoach draw --seed 1 failed"
[[ $drawn == *"seed 1"* ]] || fail "draw --seed 1 printed: $drawn"
[[ $(run draw --seed 1) == "$drawn" ]] || fail "draw --seed 1 is not the same twice"
listed=$(run rubrics list) || fail "mockcoach rubrics list failed"
[[ $listed == *"18 rubrics"* ]] || fail "rubrics list printed: $listed"
echo "the packaged binary runs: draw --seed 1, rubrics list"

# The page and completions in the package are the ones the binary makes.
gzip -t "$root/usr/share/man/man1/mockcoach.1.gz" || fail "the man page is not valid gzip"
cmp -s <(zcat "$root/usr/share/man/man1/mockcoach.1.gz") <(run __manpage) ||
  fail "the packaged man page differs from mockcoach __manpage"
cmp -s "$root/usr/share/bash-completion/completions/mockcoach" <(run completion bash) ||
  fail "the packaged bash completion differs from mockcoach completion bash"
bash -n "$root/usr/share/bash-completion/completions/mockcoach" || fail "bash -n"
if command -v groff >/dev/null; then
  warnings=$(zcat "$root/usr/share/man/man1/mockcoach.1.gz" | groff -ww -man -Tutf8 -z 2>&1)
  [[ -z $warnings ]] || fail "groff warns about the packaged man page: $warnings"
else
  echo "SKIPPED: groff is not installed; the packaged page was not rendered"
fi

# cmake --install under a prefix of a user's own: zsh's completion goes to site-functions there
# (vendor-completions is only for /usr, as in the package).
cmake --install "$build" --prefix "$scratch/local" >"$scratch/install.log" 2>&1 ||
  { cat "$scratch/install.log" >&2; fail "cmake --install --prefix failed"; }
for file in bin/mockcoach share/man/man1/mockcoach.1.gz share/bash-completion/completions/mockcoach \
  share/zsh/site-functions/_mockcoach share/fish/vendor_completions.d/mockcoach.fish; do
  [[ -s $scratch/local/$file ]] || fail "cmake --install --prefix did not install $file"
done
[[ ! -e $scratch/local/share/zsh/vendor-completions ]] ||
  fail "cmake --install --prefix put zsh's completion in vendor-completions"
echo "cmake --install --prefix: binary, man page and completions in place"

if command -v lintian >/dev/null; then
  # Errors fail the test; warnings are printed for a person to read.
  if ! lintian --fail-on error --display-info "$deb" >"$scratch/lintian.log" 2>&1; then
    cat "$scratch/lintian.log" >&2
    fail "lintian reports errors"
  fi
  grep -v "^running with root privileges" "$scratch/lintian.log" || true
  echo "lintian: no errors"
else
  echo "SKIPPED: lintian is not installed (apt-get install lintian); the package was not linted"
fi
echo "ok: $(basename "$deb")"
