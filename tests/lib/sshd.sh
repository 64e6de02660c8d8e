# Shared by tests that need a real ssh server (sourced): an sshd of its own
# on 127.0.0.1, a free high port, throwaway host and client keys, all its
# files in DIR. Two logins work through it:
#	SSH_SHARED	root@127.0.0.1, the same user on the same filesystem;
#	SSH_OTHER	crosslink-remote@127.0.0.1, an unprivileged user (created
#			if missing, home /home/crosslink-remote) that cannot
#			read the caller's files: a host that shares nothing.
# Each is a whole ssh command line, usable as `$SSH_SHARED cmd` and as a
# host of scripts/shard (-S "$SSH_SHARED"). Needs root.
#	sshd_start DIR	0 when both logins answer; 77 when sshd, ssh or
#			ssh-keygen is missing or we are not root (skip); other
#			non-zero with the reason (and sshd's log) on stderr.
#	sshd_stop	stops the server and its sessions; safe to call
#			whatever sshd_start did (put it in the EXIT trap).
# Outside DIR: /run/sshd (privilege separation) and the user crosslink-remote.
# Quiet on success: the caller's stderr stays empty.

_sshd_pid=
_sshd_dir=

. "$TOP/tests/lib/servers.sh"

sshd_start() {
	_sshd_dir=$(server_prepare sshd_start "$1" openssh-server \
	    /usr/sbin/sshd /usr/bin/ssh /usr/bin/ssh-keygen) || return $?
	_ssd=$_sshd_dir

	# The unprivileged user; '*' (no password, not locked) so that sshd
	# without PAM lets it log in with a key. Idempotent, race tolerant.
	if ! id crosslink-remote >/dev/null 2>&1; then
		useradd -m -d /home/crosslink-remote -s /bin/sh -p '*' crosslink-remote >/dev/null 2>&1 ||
		    id crosslink-remote >/dev/null 2>&1 ||
		    { echo "sshd_start: cannot create the user crosslink-remote" >&2; return 1; }
	fi
	case $(getent shadow crosslink-remote | cut -d: -f2) in
	'!'*) usermod -p '*' crosslink-remote ;;
	esac
	_home=$(getent passwd crosslink-remote | cut -d: -f6)
	[ -d "$_home" ] || { mkdir -p "$_home" && chown crosslink-remote: "$_home"; }
	# sshd without PAM refuses a locked account ('!' password); root may
	# be one (a sudo-only install): then go through PAM, as Debian does.
	_pam=no
	case $(getent shadow root | cut -d: -f2) in
	'!'*) _pam=yes ;;
	esac
	mkdir -p /run/sshd && chmod 755 /run/sshd

	rm -f "$_ssd/host_key" "$_ssd/host_key.pub" "$_ssd/id_ed25519" "$_ssd/id_ed25519.pub"
	ssh-keygen -q -t ed25519 -N '' -C crosslink-test-host -f "$_ssd/host_key" </dev/null >/dev/null 2>&1 &&
	ssh-keygen -q -t ed25519 -N '' -C crosslink-test-client -f "$_ssd/id_ed25519" </dev/null >/dev/null 2>&1 ||
	    { echo "sshd_start: ssh-keygen failed" >&2; return 1; }
	cp "$_ssd/id_ed25519.pub" "$_ssd/authorized_keys"
	chmod 600 "$_ssd/host_key" "$_ssd/id_ed25519"

	_try=0
	while :; do
		_try=$((_try + 1))
		if [ $_try -gt 5 ]; then
			echo "sshd_start: no free port after 5 tries" >&2
			return 1
		fi
		_port=$(server_port) || { echo "sshd_start: no free port found" >&2; return 1; }
		# crosslink-remote cannot read DIR, and sshd reads key files
		# as the user logging in: it gets the key through a command
		# run as root instead.
		cat >"$_ssd/sshd_config" <<EOF
Port $_port
ListenAddress 127.0.0.1
AddressFamily inet
HostKey $_ssd/host_key
PidFile $_ssd/sshd.pid
AuthorizedKeysFile $_ssd/authorized_keys
AuthorizedKeysCommand /usr/bin/cat $_ssd/authorized_keys
AuthorizedKeysCommandUser root
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowUsers root crosslink-remote
StrictModes no
UsePAM $_pam
UseDNS no
PrintMotd no
PrintLastLog no
X11Forwarding no
MaxStartups 200
MaxSessions 200
LogLevel INFO
Subsystem sftp internal-sftp
Match User crosslink-remote
	AuthorizedKeysFile none
EOF
		: >"$_ssd/sshd.log"
		/usr/sbin/sshd -D -f "$_ssd/sshd_config" -E "$_ssd/sshd.log" \
		    </dev/null >>"$_ssd/sshd.log" 2>&1 &
		_sshd_pid=$!
		echo "$_sshd_pid" >"$_ssd/sshd.bgpid"
		# Up to 30 s for "Server listening", or its death.
		_n=0
		while [ $_n -lt 150 ]; do
			grep -q "Server listening on 127.0.0.1 port $_port" "$_ssd/sshd.log" && break
			server_alive "$_sshd_pid" || break
			sleep 0.2
			_n=$((_n + 1))
		done
		grep -q "Server listening on 127.0.0.1 port $_port" "$_ssd/sshd.log" && break
		if server_alive "$_sshd_pid"; then
			echo "sshd_start: sshd did not listen within 30 s; its log:" >&2
			tail -n 20 "$_ssd/sshd.log" >&2
			sshd_stop
			return 1
		fi
		_sshd_pid=
		grep -q "Address already in use" "$_ssd/sshd.log" && continue
		echo "sshd_start: sshd exited; its log:" >&2
		tail -n 20 "$_ssd/sshd.log" >&2
		return 1
	done

	_ssh="ssh -p $_port -i $_ssd/id_ed25519 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR"
	SSH_SHARED="$_ssh root@127.0.0.1"
	SSH_OTHER="$_ssh crosslink-remote@127.0.0.1"
	export SSH_SHARED SSH_OTHER
	for _cmd in "$SSH_SHARED" "$SSH_OTHER"; do
		if ! timeout 30 $_cmd true </dev/null >"$_ssd/check.out" 2>&1; then
			echo "sshd_start: \`$_cmd true\` failed: $(head -c 300 "$_ssd/check.out")" >&2
			echo "sshd_start: sshd's log:" >&2
			tail -n 20 "$_ssd/sshd.log" >&2
			sshd_stop
			return 1
		fi
	done
	return 0
}

sshd_stop() {
	# Started from another shell of this test: the pid it left in DIR.
	if [ -z "$_sshd_pid" ] && [ -n "$_sshd_dir" ] && [ -r "$_sshd_dir/sshd.bgpid" ]; then
		_sshd_pid=$(cat "$_sshd_dir/sshd.bgpid")
		[ "$(cat "/proc/$_sshd_pid/comm" 2>/dev/null)" = sshd ] || _sshd_pid=
	fi
	if server_alive "$_sshd_pid"; then
		# Its sessions first (one sshd child per connection), then it.
		for _f in /proc/[0-9]*/stat; do
			read -r _st 2>/dev/null <"$_f" || continue
			_st=${_st##*) }
			set -- $_st
			[ "$2" = "$_sshd_pid" ] || continue
			_c=${_f#/proc/}
			kill -TERM "${_c%/stat}" 2>/dev/null
		done
		server_kill "$_sshd_pid" 10
		wait "$_sshd_pid" 2>/dev/null
	fi
	[ -n "$_sshd_dir" ] && rm -f "$_sshd_dir/sshd.bgpid"
	_sshd_pid=
	return 0
}
