/** One line naming the machine a run was measured on: CPU, cores, memory, Node, OS. */
import os from 'node:os';

export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() || 'unknown CPU';
  const memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM`;
  return `${model}, ${cpus.length} cores, ${memory}, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

export function cpuCores(): number {
  return os.cpus().length;
}

/** 1-minute load average (0 where the OS has none): other work on the machine adds noise. */
export function loadAverage(): number {
  return os.loadavg()[0] ?? 0;
}
