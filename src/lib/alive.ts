/**
 * Whether a process still runs: caches name their temporary folders after the writing process,
 * and only a dead process's leftovers may be removed (a live one may still be writing).
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
