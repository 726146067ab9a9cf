/**
 * Loaded first (`node --import`) by the worker process the app starts (lifecycle/workerProcess.ts).
 * Its IPC channel to the app closes when the app ends, however it ends (kill -9 included): the
 * worker then sends itself SIGTERM and stops as a process manager would stop it. Listening from the
 * first line matters: the worker installs its SIGTERM handler before it starts taking jobs
 * (worker.ts), and a worker stopped before that has taken nothing, so SIGTERM's default may end it.
 */
if (process.channel) {
  // The channel says only this: it must not keep the worker alive by itself.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
