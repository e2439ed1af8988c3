#!/usr/bin/env bash
# Offline MongoDB-compatible server (mongo-java-server, in-memory) for machines without mongod.
#
#   scripts/offline-mongo.sh install              fetch jars (mvn) + compile launcher into .cache/offline-mongo (idempotent)
#   scripts/offline-mongo.sh start [--port N]     start in background; prints the URI as the only stdout line
#   scripts/offline-mongo.sh stop                 stop the background server (pid file)
#   scripts/offline-mongo.sh status               print the URI if the background server is running
#   scripts/offline-mongo.sh run [--port N]       run in foreground (prints URI; Ctrl-C stops)
# start/run also accept --h2 FILE (persistent H2 MVStore file instead of memory) and --oplog
# (enables change streams / watch(); the oplog grows unbounded, so off by default).
# Env: OFFLINE_MONGO_PORT (default port, 0 = free port), OFFLINE_MONGO_START_TIMEOUT (s, default 30),
#      OFFLINE_MONGO_JAVA_OPTS (extra JVM flags).
# Everything except the URI goes to stderr, so `URI=$(scripts/offline-mongo.sh start)` works.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/scripts/offline-mongo"
CACHE="$ROOT/.cache/offline-mongo"
LOG="$CACHE/server.log"
PIDFILE="$CACHE/server.pid"

die() { echo "offline-mongo: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH ($2)"; }
stamp() { cksum "$@" | cksum | cut -d' ' -f1; }

do_install() {
  mkdir -p "$CACHE"
  # Serialize concurrent installs (e.g. jest globalSetup + dev server started together).
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$CACHE/install.lock"
    flock 9
  fi
  local lib_stamp cls_stamp
  lib_stamp="$(stamp "$SRC/pom.xml")"
  cls_stamp="$(stamp "$SRC/pom.xml" "$SRC/OfflineMongo.java")"
  need java "install a JDK 17+, e.g. apt-get install openjdk-17-jdk-headless"

  # 1) jars: only re-run Maven when pom.xml changed (so a cached install works fully offline).
  if [[ "$(cat "$CACHE/lib.stamp" 2>/dev/null)" != "$lib_stamp" ]]; then
    need mvn "needed once to download mongo-java-server from Maven Central; e.g. apt-get install maven"
    echo "offline-mongo: downloading mongo-java-server jars via Maven..." >&2
    rm -rf "$CACHE/lib.tmp"
    local mvn_out
    # Output captured and shown only on failure (mvn -q still emits stray ANSI codes).
    if ! mvn_out="$(mvn -q -B -f "$SRC/pom.xml" dependency:copy-dependencies -DoutputDirectory="$CACHE/lib.tmp" 2>&1)"; then
      echo "$mvn_out" >&2
      die "mvn dependency:copy-dependencies failed (Maven Central reachable? see output above)"
    fi
    rm -rf "$CACHE/lib" && mv "$CACHE/lib.tmp" "$CACHE/lib"
    echo "$lib_stamp" >"$CACHE/lib.stamp"
    rm -f "$CACHE/classes.stamp"
  fi

  # 2) launcher: precompile into a jar (start ~0.45s vs ~1.4s in source-launcher mode) and record an
  #    AppCDS archive from one training start (-> ~0.27s). The archive is best effort.
  if [[ "$(cat "$CACHE/classes.stamp" 2>/dev/null)" != "$cls_stamp" || ! -f "$CACHE/launcher.jar" ]]; then
    need javac "a full JDK (not just a JRE) is needed to compile the launcher"
    need jar "a full JDK (not just a JRE) is needed"
    echo "offline-mongo: compiling launcher..." >&2
    rm -rf "$CACHE/classes" "$CACHE/launcher.jar" "$CACHE/app.jsa"
    javac -nowarn -cp "$CACHE/lib/*" -d "$CACHE/classes" "$SRC/OfflineMongo.java" >&2
    (cd "$CACHE/classes" && jar cf "$CACHE/launcher.jar" ./*.class)
    # CDS needs an exact jar-only classpath (no dirs/wildcards), identical at dump and use.
    { echo -n "$CACHE/launcher.jar"; for j in "$CACHE"/lib/*.jar; do echo -n ":$j"; done; } >"$CACHE/classpath"
    local cp out pid i
    cp="$(cat "$CACHE/classpath")"
    out="$CACHE/cds-training.log"
    java -XX:ArchiveClassesAtExit="$CACHE/app.jsa" -Xlog:disable -Xlog:all=error:stderr \
      -cp "$cp" OfflineMongo --port 0 </dev/null >"$out" 2>&1 &
    pid=$!
    for ((i = 0; i < 300; i++)); do grep -q '^mongodb://' "$out" 2>/dev/null && break; sleep 0.1; done
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [[ -f "$CACHE/app.jsa" ]] || echo "offline-mongo: note: CDS archive not created (startup just slower)" >&2
    echo "$cls_stamp" >"$CACHE/classes.stamp"
  fi
  if command -v flock >/dev/null 2>&1; then exec 9>&-; fi
}

# Builds JAVA_CMD (array) for the server with the given extra args.
java_cmd() {
  local cds=()
  [[ -f "$CACHE/app.jsa" ]] && cds=(-XX:SharedArchiveFile="$CACHE/app.jsa")
  # -Xlog to stderr: JVM warnings (e.g. a stale CDS archive) must never reach stdout (URI line).
  # shellcheck disable=SC2206
  JAVA_CMD=(java "${cds[@]}" -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr
            ${OFFLINE_MONGO_JAVA_OPTS:-} -cp "$(cat "$CACHE/classpath")" OfflineMongo "$@")
}

# Alive = exists and is not a zombie (an exited, detached JVM can linger as a zombie until init reaps it).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]
}

running_pid() {
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] && alive "$pid" && echo "$pid"
}

do_start() {
  do_install
  local pid
  if pid="$(running_pid)"; then
    echo "offline-mongo: already running (pid $pid); run '$0 stop' first to restart" >&2
    grep -m1 '^mongodb://' "$LOG"
    return 0
  fi
  java_cmd "$@"
  : >"$LOG"
  # setsid + nohup: fully detached from this shell/terminal (no SIGHUP/SIGINT from it).
  if command -v setsid >/dev/null 2>&1; then
    nohup setsid "${JAVA_CMD[@]}" </dev/null >>"$LOG" 2>&1 &
  else
    nohup "${JAVA_CMD[@]}" </dev/null >>"$LOG" 2>&1 &
  fi
  pid=$!
  echo "$pid" >"$PIDFILE"
  local timeout="${OFFLINE_MONGO_START_TIMEOUT:-30}" uri="" i
  for ((i = 0; i < timeout * 20; i++)); do
    uri="$(grep -m1 '^mongodb://' "$LOG" || true)"
    [[ -n "$uri" ]] && break
    if ! alive "$pid"; then
      rm -f "$PIDFILE"
      echo "offline-mongo: server exited during startup; last log lines ($LOG):" >&2
      tail -n 30 "$LOG" >&2
      exit 1
    fi
    sleep 0.05
  done
  if [[ -z "$uri" ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    rm -f "$PIDFILE"
    echo "offline-mongo: no URI after ${timeout}s; last log lines ($LOG):" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  fi
  echo "offline-mongo: started pid $pid, log $LOG" >&2
  echo "$uri"
}

do_stop() {
  local pid i
  if ! pid="$(running_pid)"; then
    rm -f "$PIDFILE"
    echo "offline-mongo: not running" >&2
    return 0
  fi
  kill -TERM "$pid"
  for ((i = 0; i < 200; i++)); do alive "$pid" || break; sleep 0.05; done
  if alive "$pid"; then
    echo "offline-mongo: pid $pid ignored SIGTERM for 10s, sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
  echo "offline-mongo: stopped pid $pid" >&2
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  install) do_install ;;
  start) do_start "$@" ;;
  stop) do_stop ;;
  status)
    if pid="$(running_pid)"; then grep -m1 '^mongodb://' "$LOG"; else echo "offline-mongo: not running" >&2; exit 1; fi ;;
  run)
    do_install
    java_cmd "$@"
    exec "${JAVA_CMD[@]}" ;;  # exec: signals (Ctrl-C / SIGTERM from a parent) go straight to the JVM
  *)
    echo "usage: $0 {install|start|run [--port N] [--h2 FILE] [--oplog]|stop|status}" >&2
    exit 2 ;;
esac
