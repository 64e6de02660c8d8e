# Shared by tests/lib/sshd.sh and tests/lib/slurm.sh (sourced): the small
# process and port helpers a server started for a test needs.

# Alive and not a zombie.
server_alive() {	# pid
	[ -n "$1" ] && [ -r "/proc/$1/stat" ] || return 1
	case $(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) in
	Z*|X*|'') return 1 ;;
	esac
}

# A random port in 20000..32767 (below Linux's ephemeral range) that no
# socket holds now and that is not $1; the caller still retries if a bind
# loses a race.
server_port() {	# [not-this-port]
	_i=0
	while [ $_i -lt 50 ]; do
		_i=$((_i + 1))
		_p=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
		_p=$((20000 + _p % 12768))
		[ "$_p" = "${1:-}" ] && continue
		_hex=$(printf ':%04X ' "$_p")
		cat /proc/net/tcp /proc/net/tcp6 2>/dev/null |
		    awk '{ print $2 " " }' | grep -q -- "$_hex" && continue
		echo "$_p"
		return 0
	done
	return 1
}

# TERM, then KILL if it is still there after about SECONDS.
server_kill() {	# pid seconds
	server_alive "$1" || return 0
	kill -TERM "$1" 2>/dev/null
	_n=0
	while server_alive "$1" && [ $_n -lt $(($2 * 5)) ]; do
		sleep 0.2
		_n=$((_n + 1))
	done
	if server_alive "$1"; then
		kill -KILL "$1" 2>/dev/null
		sleep 0.2
	fi
}

# The start of every server_start: DIR made and named absolutely on stdout;
# 2 on bad usage; 77 (skip) when a program is missing or we are not root.
server_prepare() {	# caller dir packages program...
	_who=$1 _dir=$2 _pkgs=$3
	shift 3
	if [ -z "$_dir" ] || ! mkdir -p "$_dir"; then
		echo "$_who: usage: $_who DIR" >&2
		return 2
	fi
	for _t in "$@"; do
		[ -x "$_t" ] || { echo "$_who: $_t is not installed ($_pkgs)" >&2; return 77; }
	done
	[ "$(id -u)" = 0 ] || { echo "$_who: needs root (to run the servers it starts)" >&2; return 77; }
	(cd "$_dir" && pwd) || return 2
}
