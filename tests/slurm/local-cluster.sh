# shellcheck shell=bash
# local-cluster.sh — a one-node Slurm cluster on this machine, for
# tests/slurm/test-slurm.sh and bench/slurm-scale.sh (sourced, bash): munged
# (the one that runs, or one of ours), slurmctld and slurmd as root, with a
# slurm.conf of their own in a temporary directory. `cluster_start` sets
# SLURM_CONF and $cluster_dir and stops the cluster at exit; it calls
# `fail MESSAGE`, which the script defines. Environment: DERLEM_SLURM_PORT
# (slurmctld's port, default 16817; slurmd takes the next).

cluster_start() {
  local tool
  for tool in munged slurmctld slurmd sbatch scontrol sinfo; do
    command -v "$tool" > /dev/null || fail "$tool not found (apt-get install slurm-wlm munge)"
  done
  [[ $(id -u) == 0 ]] || fail "the one-node cluster runs as root"
  local port=${DERLEM_SLURM_PORT:-16817}
  cluster_dir=$(mktemp -d /tmp/derlem-slurm-XXXXXX)
  local dir=$cluster_dir
  export SLURM_CONF=$dir/slurm.conf
  cluster_munge=0
  trap cluster_stop EXIT

  # munge: the one that runs, or one of ours.
  if ! munge -n > /dev/null 2>&1; then
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge
    if [[ ! -s /etc/munge/munge.key ]]; then
      dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 2> /dev/null
      chown munge:munge /etc/munge/munge.key
      chmod 400 /etc/munge/munge.key
    fi
    # Its pid file where the munge user may write it.
    runuser -u munge -- munged --pid-file=/run/munge/derlem-test.pid 2> "$dir/munged.err" \
      || fail "munged did not start: $(cat "$dir/munged.err")"
    cluster_munge=1
    munge -n > /dev/null 2>&1 || fail "munge does not answer"
  fi

  local node
  node=$(hostname -s)
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  cat > "$SLURM_CONF" << EOF
ClusterName=derlemtest
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=derlem Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  slurmctld -i || fail "slurmctld did not start: $(tail -5 "$dir/log/slurmctld.log")"
  slurmd || fail "slurmd did not start: $(tail -5 "$dir/log/slurmd.log")"
  for _ in $(seq 1 60); do
    sinfo -h -o %T 2> /dev/null | grep -q idle && break
    sleep 0.5
  done
  sinfo -h -o %T | grep -q idle || fail "the node is not idle: $(sinfo 2>&1; tail -5 "$dir/log/slurmd.log")"
}

cluster_stop() {
  scontrol shutdown > /dev/null 2>&1 || true
  for pid in "$cluster_dir/slurmd.pid" "$cluster_dir/slurmctld.pid"; do
    if [[ -f $pid ]]; then kill "$(cat "$pid")" 2> /dev/null || true; fi
  done
  sleep 1
  if ((cluster_munge)) && [[ -s /run/munge/derlem-test.pid ]]; then
    kill "$(cat /run/munge/derlem-test.pid)" 2> /dev/null || true
    rm -f /run/munge/derlem-test.pid
  fi
  rm -rf "$cluster_dir"
}
