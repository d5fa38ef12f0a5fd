# Sourced by the scripts that must run on a fresh Debian machine.

# apt_install installs Debian packages, through sudo when not root.
apt_install() {
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq >/dev/null
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
	else
		sudo apt-get update -qq >/dev/null
		sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
	fi
}

# ensure_go puts on PATH a Go at least as new as go.mod asks: the one
# installed, or else the toolchain the module proxy serves, unpacked once
# under ~/.cache. Debian's golang-go will not do: bookworm's is Go 1.19,
# which cannot read go.mod's version line, nor fetch a newer toolchain.
ensure_go() {
	local want have dir arch tmp zip
	want=$(awk '$1 == "go" { print $2; exit }' go.mod)
	if command -v go >/dev/null; then
		have=$(go env GOVERSION 2>/dev/null | sed 's/^go//')
		if [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n 1)" = "$want" ]; then
			return
		fi
	fi
	dir=${WIKIKG_GO_DIR:-$HOME/.cache/wikikg/go$want}
	if [ ! -x "$dir/bin/go" ]; then
		case $(uname -m) in
		x86_64) arch=amd64 ;;
		aarch64 | arm64) arch=arm64 ;;
		*) arch=$(uname -m) ;;
		esac
		echo "installing: Go $want from proxy.golang.org"
		local tools=()
		command -v curl >/dev/null || tools+=(curl ca-certificates)
		command -v unzip >/dev/null || tools+=(unzip)
		if [ ${#tools[@]} -gt 0 ]; then apt_install "${tools[@]}"; fi
		tmp=$(mktemp -d)
		zip="golang.org/toolchain@v0.0.1-go$want.linux-$arch"
		curl -fsSL -o "$tmp/go.zip" "https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go$want.linux-$arch.zip"
		unzip -q "$tmp/go.zip" -d "$tmp"
		# Module zips keep no file modes.
		chmod +x "$tmp/$zip"/bin/* "$tmp/$zip"/pkg/tool/*/*
		mkdir -p "$(dirname "$dir")"
		rm -rf "$dir"
		mv "$tmp/$zip" "$dir"
		rm -rf "$tmp"
	fi
	export PATH="$dir/bin:$PATH"
}
