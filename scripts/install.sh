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

# Debian's Go may be older than go.mod asks; the go command then fetches the
# right toolchain from the module proxy.
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto}
