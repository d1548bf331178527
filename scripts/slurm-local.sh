#!/usr/bin/env bash
# A one-node SLURM cluster on this machine, for trying and testing hydra/launcher=slurm.
#
#   scripts/slurm-local.sh start [DIR]   start munged, slurmctld and slurmd with everything under DIR
#   scripts/slurm-local.sh stop [DIR]    stop what `start` started (by the pids it recorded)
#   scripts/slurm-local.sh env [DIR]     print the `export SLURM_CONF=…` that points sbatch/squeue at it
#
# DIR defaults to /tmp/hydrant-slurm. SLURM_LOCAL_CPUS=N declares N CPUs instead of nproc's (more tasks at
# once for tests whose tasks mostly sleep). Needs Debian's slurm-wlm and munge (apt-get install slurm-wlm munge)
# and root (slurmd runs jobs as their submitting user). Nothing outside DIR is written: the cluster has its
# own munge key and socket, state, spool, pid and log files, and free ports, so it does not disturb (or
# collide with) another SLURM on the machine. Clients find it through SLURM_CONF=DIR/slurm.conf.
set -euo pipefail

cmd="${1:-}"
dir="$(realpath -m "${2:-/tmp/hydrant-slurm}")"
conf="$dir/slurm.conf"

die() { echo "slurm-local: $*" >&2; exit 1; }

# Two free TCP ports (slurmctld, slurmd), asked of the kernel.
free_ports() {
  node -e 'const net=require("net");const get=()=>new Promise(r=>{const s=net.createServer();s.listen(0,"127.0.0.1",()=>{const p=s.address().port;s.close(()=>r(p))})});(async()=>{const a=await get();let b=await get();while(b===a)b=await get();console.log(a,b)})()'
}

write_conf() {
  local host cpus mem ctl_port d_port
  host="$(hostname -s)"
  cpus="${SLURM_LOCAL_CPUS:-$(nproc)}"
  # Leave a little memory to the machine; SLURM refuses a node claiming more than it has.
  mem=$(( $(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo) * 9 / 10 ))
  read -r ctl_port d_port < <(free_ports)
  mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/run"
  cat >"$conf" <<EOF
ClusterName=hydrant-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctl_port
SlurmdPort=$d_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/run/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
# Quick turnaround for tests: schedule soon after a submission, forget ended jobs after 5 minutes.
SchedulerParameters=sched_min_interval=100000
MinJobAge=300
KillWait=2
InactiveLimit=0
# Trust the CPU count above even when it differs from the hardware's (SLURM_LOCAL_CPUS).
SlurmdParameters=config_overrides
GresTypes=gpu
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem Gres=gpu:2 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  # Two pretend GPUs: enough for SLURM to allocate them and set CUDA_VISIBLE_DEVICES per task.
  cat >"$dir/gres.conf" <<EOF
AutoDetect=off
NodeName=$host Name=gpu File=/dev/tty[0-1]
EOF
}

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  for bin in munged slurmctld slurmd sinfo; do
    command -v "$bin" >/dev/null || die "'$bin' is not installed: apt-get install -y slurm-wlm munge"
  done
  [[ "$(id -u)" == 0 ]] || die "must run as root (slurmd starts jobs as their submitting user)"
  if pid_alive "$dir/run/slurmctld.pid"; then echo "slurm-local: already running in $dir"; return 0; fi
  write_conf
  if [[ ! -f "$dir/munge.key" ]]; then
    (umask 077; head -c 1024 /dev/urandom >"$dir/munge.key")
  fi
  munged --force --key-file="$dir/munge.key" --socket="$dir/run/munge.socket" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/run/munge.seed"
  export SLURM_CONF="$conf"
  slurmctld -f "$conf"
  slurmd -f "$conf"
  # Ready when the node is schedulable (idle), not merely when the daemons forked.
  for _ in $(seq 1 150); do
    state="$(sinfo -h -o %t 2>/dev/null || true)"
    if [[ "$state" == idle* ]]; then echo "slurm-local: running in $dir (export SLURM_CONF=$conf)"; return 0; fi
    sleep 0.1
  done
  echo "slurm-local: the node did not become idle in 15 s (state '${state:-?}'); logs:" >&2
  tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
  stop
  exit 1
}

stop() {
  # Jobs still running would leave their slurmstepd processes behind.
  if pid_alive "$dir/run/slurmctld.pid"; then SLURM_CONF="$conf" scancel --user="$(id -un)" 2>/dev/null || true; fi
  # slurmd first (it reports to slurmctld), munged last (both daemons authenticate through it).
  for name in slurmd slurmctld munged; do
    local pidfile="$dir/run/$name.pid"
    pid_alive "$pidfile" || continue
    local pid
    pid="$(cat "$pidfile")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  echo "slurm-local: stopped ($dir)"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) die "usage: $0 start|stop|env [DIR]" ;;
esac
