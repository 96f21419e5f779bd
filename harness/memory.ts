import { readFileSync } from "node:fs";

export interface MemoryUse {
  /** resident set size now, in MiB */
  rssMiB: number;
  /** the largest it has been */
  peakRssMiB: number;
}

/** A process's resident memory, from /proc/<pid>/status (VmRSS, VmHWM); null where there is no /proc (not Linux) or no such process. */
export function memoryOf(pid: number): MemoryUse | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const mib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status)?.[1]) / 1024;
  const [rssMiB, peakRssMiB] = [mib("VmRSS"), mib("VmHWM")];
  return Number.isNaN(rssMiB) ? null : { rssMiB, peakRssMiB };
}

export interface RssSampler {
  /** resident set size in MiB, one sample a second since start */
  samples: number[];
  stop(): void;
}

/** Samples a process's resident memory every second. */
export function sampleRss(pid: number): RssSampler {
  const samples: number[] = [];
  const read = () => {
    const memory = memoryOf(pid);
    if (memory) samples.push(memory.rssMiB);
  };
  read();
  const timer = setInterval(read, 1000);
  return { samples, stop: () => clearInterval(timer) };
}
