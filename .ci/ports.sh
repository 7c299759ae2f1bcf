# A free loopback port for a server a CI script starts (sourced by the scripts under .ci; not run on
# its own). Chosen at random below the kernel's range of ephemeral ports
# (/proc/sys/net/ipv4/ip_local_port_range, 32768-60999 on Linux by default), never in it: a port there
# can be the local end of an outgoing connection (a client of the test database, say), which no
# server listens on, so a probe finds it free, yet a server cannot bind it. A CI run failed so, after
# the PostgreSQL suite: "Port 53000 was already in use".
#
#   free_port [NOT]   a port nothing listens on (and not NOT, e.g. a port chosen just before)
free_port() {
  local low=32768 high p
  if [[ -r /proc/sys/net/ipv4/ip_local_port_range ]]; then
    read -r low high < /proc/sys/net/ipv4/ip_local_port_range
  fi
  local bottom=20000 top=$((low - 1))
  ((top > bottom + 1000)) || bottom=1024
  while :; do
    p=$(shuf -i "$bottom-$top" -n 1)
    [[ "$p" != "${1:-}" ]] || continue
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
